package io.meetzy.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what is written to {@link System#err} until closed, then restores the original stream.
 * slf4j-simple, configured with {@code logFile=System.err}, looks the stream up on every write,
 * so its log lines land here. Tests in this module run on one thread, so no other test writes
 * to the stream meanwhile.
 */
final class StandardErrorCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    StandardErrorCapture() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    String text() {
        System.err.flush();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
