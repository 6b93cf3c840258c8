package io.meetzy.verifier.rest;

import io.meetzy.core.Scopes;
import io.meetzy.verifier.internal.SafeText;

import java.util.Map;

/**
 * The operation that a method and a path below the mount point select, with the scope it needs.
 *
 * @param operation the operation
 * @param tokenId the token id from the path, empty for the collection
 * @param requiredScope the scope the caller's token must carry
 * @param description the method and path pattern, for messages, such as {@code DELETE /v1/tokens/{id}}
 */
record TokenApiRoute(Operation operation, String tokenId, String requiredScope, String description) {

    enum Operation { LIST, CREATE, REVOKE, ROTATE }

    private static final String ROTATE_SUFFIX = "/rotate";

    /**
     * Matches a request.
     *
     * @throws ApiException 404 for a path the API does not have, 405 with {@code Allow} for a
     *     method the path does not take
     */
    static TokenApiRoute match(String method, String path) {
        if (path.isEmpty() || path.equals("/")) {
            return switch (method) {
                case "GET" -> new TokenApiRoute(Operation.LIST, "", Scopes.TOKENS_READ, "GET /v1/tokens");
                case "POST" -> new TokenApiRoute(Operation.CREATE, "", Scopes.TOKENS_WRITE, "POST /v1/tokens");
                default -> throw methodNotAllowed(method, "GET, POST");
            };
        }

        if (!path.startsWith("/")) {
            throw noSuchPath();
        }
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            if (!method.equals("DELETE")) {
                throw methodNotAllowed(method, "DELETE");
            }
            return new TokenApiRoute(Operation.REVOKE, rest, Scopes.TOKENS_WRITE, "DELETE /v1/tokens/{id}");
        }

        String tokenId = rest.substring(0, slash);
        boolean isRotate = !tokenId.isEmpty() && rest.substring(slash).equals(ROTATE_SUFFIX);
        if (!isRotate) {
            throw noSuchPath();
        }
        if (!method.equals("POST")) {
            throw methodNotAllowed(method, "POST");
        }
        return new TokenApiRoute(Operation.ROTATE, tokenId, Scopes.TOKENS_WRITE, "POST /v1/tokens/{id}/rotate");
    }

    /**
     * Returns the path of this route as if mounted at {@code /v1/tokens}, with the token id, such as
     * {@code /v1/tokens/tok_1/rotate}: the same for {@code /v1/tokens} and {@code /v1/tokens/}.
     */
    String canonicalPath() {
        return switch (operation) {
            case LIST, CREATE -> "/v1/tokens";
            case REVOKE -> "/v1/tokens/" + tokenId;
            case ROTATE -> "/v1/tokens/" + tokenId + ROTATE_SUFFIX;
        };
    }

    /** Returns the path pattern for logs, without the id, which the log does not need. */
    static String describe(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/v1/tokens";
        }
        return path.endsWith(ROTATE_SUFFIX) ? "/v1/tokens/{id}/rotate" : "/v1/tokens/{id}";
    }

    private static ApiException noSuchPath() {
        return new ApiException(404, "not_found_error", "The token API has no such path. Use /v1/tokens,"
                + " /v1/tokens/{id} or /v1/tokens/{id}/rotate.", Map.of());
    }

    private static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, "invalid_request_error", "The method " + SafeText.quote(method) + " is not allowed here."
                + " Use " + allowed + ".", Map.of("Allow", allowed));
    }
}
