package io.meetzy.core;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The permissions a token can carry. A token created without a choice of scopes gets {@link #ALL}. */
public final class Scopes {

    public static final String ASSISTANTS_READ = "assistants:read";
    public static final String TOKENS_READ = "tokens:read";
    public static final String TOKENS_WRITE = "tokens:write";

    /** Every scope the API defines. */
    public static final Set<String> ALL = Set.of(ASSISTANTS_READ, TOKENS_READ, TOKENS_WRITE);

    /**
     * The form of a scope, such as {@code tokens:read}, or of a word typed for one, such as
     * {@code admin}. Only such values are repeated in messages: no token has this form.
     */
    private static final Pattern SCOPE_SHAPE = Pattern.compile("[a-z_]{1,30}(:[a-z_]{1,30})?");

    private Scopes() {
    }

    /**
     * Checks that every value is one of {@link #ALL}.
     *
     * @throws IllegalArgumentException naming the first unknown value if it has the form of a scope,
     *     and only its length otherwise, so that a token pasted by mistake is not repeated
     */
    public static void requireKnown(Collection<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        for (String scope : scopes) {
            if (!ALL.contains(scope)) {
                String quoted = SCOPE_SHAPE.matcher(scope).matches() ? "'" + scope + "'" : "of " + scope.length() + " characters";
                throw new IllegalArgumentException("Unknown scope " + quoted + "; choose from " + allNames() + ".");
            }
        }
    }

    /** Returns every scope, sorted and separated by commas, for messages. */
    public static String allNames() {
        return String.join(", ", new TreeSet<>(ALL));
    }
}
