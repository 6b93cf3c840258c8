package io.meetzy.verifier.internal;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe for messages and logs by hiding passwords. */
public final class JdbcUrls {

    /** A {@code password=} parameter, as PostgreSQL ({@code ?password=x&...}) and H2 ({@code ;PASSWORD=x;...}) spell it. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    /** The password of {@code //user:password@host} user information. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    private static final String HIDDEN = "***";

    private JdbcUrls() {
    }

    /** Returns the URL with every password replaced by {@code ***}. */
    public static String redact(String jdbcUrl) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1" + HIDDEN);
        return USER_INFO_PASSWORD.matcher(withoutParameter).replaceAll("$1" + HIDDEN + "@");
    }
}
