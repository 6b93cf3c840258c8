package io.meetzy.client;

/**
 * Receives an event before each retry, for metrics or logs of your own. The client calls it on the
 * thread that made the failed attempt, before the wait. An exception thrown by the listener is
 * logged and otherwise ignored, so a faulty listener cannot break a request.
 */
@FunctionalInterface
public interface RetryListener {

    /** Called once before each retry with the failed attempt and the wait before the next one. */
    void onRetry(RetryEvent event);
}
