package io.meetzy.verifier;

import java.util.Objects;
import java.util.Optional;

/**
 * One verification as a {@link VerificationListener} sees it. Holds no secret.
 *
 * @param rejectionReason why the request was rejected; empty when the token was verified
 * @param displayPrefix the first 24 characters of the presented token, or empty when no
 *     well-formed token was presented
 * @param requestId the request id of the audit line and the response
 * @param clientAddress the client address the failure limit counts under, or empty when the
 *     caller gave none
 */
public record VerificationEvent(Optional<Rejection.Reason> rejectionReason, Optional<String> displayPrefix,
                                String requestId, Optional<String> clientAddress) {

    public VerificationEvent {
        Objects.requireNonNull(rejectionReason, "rejectionReason");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    public boolean isVerified() {
        return rejectionReason.isEmpty();
    }
}
