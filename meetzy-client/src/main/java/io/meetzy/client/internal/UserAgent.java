package io.meetzy.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} header value, {@code meetzy-java/<version> (Java <java.version>; <os.name>)},
 * which identifies the client version and runtime to the API operators.
 */
public final class UserAgent {

    /** Written by Maven resource filtering with the project version. */
    private static final String VERSION_RESOURCE = "version.properties";

    /** Used when the resource is missing, as when the classes run from an unfiltered build. */
    private static final String UNKNOWN_VERSION = "unknown";

    private static final String VERSION = readVersion();

    private static final String VALUE = printableAscii("meetzy-java/" + VERSION
            + " (Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")");

    private UserAgent() {
    }

    /** Returns the header value, with any character that HTTP does not allow in it replaced by {@code ?}. */
    public static String value() {
        return VALUE;
    }

    /** Returns the client version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return UNKNOWN_VERSION;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            boolean filtered = !version.isBlank() && !version.startsWith("${");
            return filtered ? version : UNKNOWN_VERSION;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + VERSION_RESOURCE + " from the meetzy-client jar", e);
        }
    }

    private static String printableAscii(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            result.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return result.toString();
    }
}
