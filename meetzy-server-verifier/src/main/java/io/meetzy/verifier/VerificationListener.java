package io.meetzy.verifier;

/**
 * Receives the outcome of every verification, for metrics or alerts, without tying the verifier
 * to a metrics library. {@link CountingVerificationListener} counts outcomes by reason; an adapter
 * to Micrometer or OpenTelemetry is a few lines of this interface.
 *
 * <p>Called on the request thread, after the outcome is decided and before the response is sent,
 * so it must return quickly and be thread-safe. An exception it throws is logged and does not
 * change the outcome.
 */
@FunctionalInterface
public interface VerificationListener {

    /** Called once per verification. */
    void onVerification(VerificationEvent event);
}
