package io.meetzy.verifier;

import io.meetzy.verifier.internal.Challenges;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that a verified token carries the scope an endpoint needs, and builds the 403
 * {@code insufficient_scope} response of RFC 6750 section 3.1 when it does not. An application that
 * mounts {@link MeetzyAuthFilter} or {@link MeetzyServletFilter} calls it in its handlers, after
 * authentication, so that its own endpoints answer exactly as the token API does:
 *
 * <pre>{@code
 * ScopeCheck scopes = ScopeCheck.of(TokenVerifier.DEFAULT_REALM);
 * Optional<ScopeRejection> rejection = scopes.require(caller, "assistants:read", "GET /v1/assistants");
 * // on a rejection: status rejection.httpStatus(), header WWW-Authenticate rejection.wwwAuthenticate(),
 * // body rejection.jsonBody(requestId)
 * }</pre>
 *
 * The challenge reads {@code Bearer realm="...", error="insufficient_scope", error_description="...",
 * scope="..."}. Characters that RFC 6750 forbids in {@code error_description} are replaced there;
 * the JSON body keeps the message unchanged. Immutable and thread-safe.
 */
public final class ScopeCheck {

    /** A scope token as RFC 6749 section 3.3 defines it: printable ASCII without space, {@code "} or {@code \}. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private final String realm;

    private ScopeCheck(String realm) {
        this.realm = realm;
    }

    /**
     * Returns a check whose challenges name {@code realm}; use the verifier's, by default
     * {@value TokenVerifier#DEFAULT_REALM}.
     *
     * @throws IllegalArgumentException if the realm is empty or has a character outside printable
     *     ASCII, or a {@code "} or {@code \}
     */
    public static ScopeCheck of(String realm) {
        Objects.requireNonNull(realm, "realm");
        if (realm.isEmpty() || !Challenges.isAllowedParameterText(realm)) {
            throw new IllegalArgumentException("Invalid realm '" + realm + "': use printable ASCII without '\"' or '\\'.");
        }
        return new ScopeCheck(realm);
    }

    /** Returns the realm that the challenges name. */
    public String realm() {
        return realm;
    }

    /**
     * Returns empty when {@code caller} carries {@code scope}, and otherwise the rejection with the
     * message "The token lacks the scope S, which OPERATION requires. Use a token that has it, or
     * create one with it."
     *
     * @param operation the method and path for the message, such as {@code GET /v1/assistants}
     * @throws IllegalArgumentException if {@code scope} is not a scope token of RFC 6749 section 3.3
     */
    public Optional<ScopeRejection> require(VerifiedToken caller, String scope, String operation) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(operation, "operation");
        if (caller.hasScope(scope)) {
            return Optional.empty();
        }

        String message = "The token lacks the scope " + scope + ", which " + operation
                + " requires. Use a token that has it, or create one with it.";
        return Optional.of(reject(Set.of(scope), message));
    }

    /**
     * Builds the rejection for scopes a token lacks, with the caller's own message: for rules that
     * {@link #require} cannot express, such as "a token cannot grant scopes it lacks".
     *
     * @param missingScopes the scopes for the challenge's {@code scope} attribute; at least one
     * @param message a sentence that states what failed and what to do; it must not contain a token
     * @throws IllegalArgumentException if {@code missingScopes} is empty or holds a value that is not a
     *     scope token of RFC 6749 section 3.3, which the quoted {@code scope} attribute could not carry
     */
    public ScopeRejection reject(Set<String> missingScopes, String message) {
        Objects.requireNonNull(missingScopes, "missingScopes");
        Objects.requireNonNull(message, "message");
        if (missingScopes.isEmpty()) {
            throw new IllegalArgumentException("missingScopes is empty: name at least one scope that the token lacks.");
        }
        for (String scope : missingScopes) {
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                throw new IllegalArgumentException("Invalid scope '" + scope + "': a scope is printable ASCII without"
                        + " spaces, '\"' or '\\', such as tokens:read.");
            }
        }

        String scopeAttribute = String.join(" ", new TreeSet<>(missingScopes));
        String challenge = Challenges.withError(realm, "insufficient_scope", message)
                + ", scope=\"" + scopeAttribute + "\"";
        return new ScopeRejection(missingScopes, message, challenge);
    }

    @Override
    public String toString() {
        return "ScopeCheck[realm=" + realm + "]";
    }
}
