package io.meetzy.client;

import io.meetzy.client.internal.EnvironmentTokenProvider;
import io.meetzy.client.internal.FileTokenProvider;
import io.meetzy.client.internal.FixedTokenProvider;
import io.meetzy.client.internal.SupplierTokenProvider;
import io.meetzy.client.internal.TokenSource;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Supplies the API token for each request, so that a rotated token is used without restarting the
 * application. The client calls {@link #token()} before every attempt and checks the value; a value
 * that is not a well-formed Meetzy token fails that request with a
 * {@link MeetzyConfigurationException}, which names the source and never contains the value.
 *
 * <p>When the server returns 401, the client calls {@link #reload()} once and repeats the request
 * if the token changed, so a token rotated just before the request still works.
 *
 * <p>Implementations must be thread-safe and fast, because {@link #token()} runs on every request;
 * cache an expensive lookup inside the implementation.
 */
public interface TokenProvider {

    /** Returns the current token value. */
    String token();

    /**
     * Reads the source again, bypassing any cache, and returns the token value. The client calls it
     * after a 401. The default calls {@link #token()}.
     */
    default String reload() {
        return token();
    }

    /** Returns a provider of one fixed token value, checked when the client is built. */
    static TokenProvider of(String token) {
        Objects.requireNonNull(token, "token");
        return new FixedTokenProvider(token, TokenSource.FIXED);
    }

    /** Returns a provider that reads {@value MeetzyClient#TOKEN_ENV} from the process environment. */
    static TokenProvider fromEnv() {
        return new EnvironmentTokenProvider(System.getenv());
    }

    /**
     * Returns a provider that reads the token from {@code file}, such as a mounted secret, and reads
     * it again whenever the file's modification time, size or identity changes. Surrounding
     * whitespace, such as a final newline, is removed. If the file cannot be read after a first
     * successful read, as during a replacement, the last value stays in use.
     *
     * <p>NOTE: a change is detected from file attributes, so on a file system that stores
     * modification times in whole seconds, a token of the same length written twice within one
     * second is noticed only through the re-read after a 401.
     */
    static TokenProvider fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new FileTokenProvider(file);
    }

    /**
     * Returns a provider that calls {@code supplier} before every request, for a token kept in a
     * secret manager. The supplier should cache its value.
     */
    static TokenProvider fromSupplier(Supplier<String> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new SupplierTokenProvider(supplier);
    }
}
