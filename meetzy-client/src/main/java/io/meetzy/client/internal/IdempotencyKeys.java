package io.meetzy.client.internal;

import java.util.UUID;

/** Generates and checks {@code Idempotency-Key} values. */
public final class IdempotencyKeys {

    /**
     * 255 characters, the limit Stripe documents for its keys: room for a UUID or a key derived
     * from the caller's own ids, and small enough for any server to store.
     */
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** Returns a new random key, a version 4 UUID from {@link java.security.SecureRandom}. */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * Checks a caller's key: 1 to {@value #MAX_LENGTH} printable ASCII characters without spaces,
     * so it fits in a header and cannot be cut or changed on the way.
     *
     * @throws IllegalArgumentException naming the key, masked if it looks like a token, and the fix
     */
    public static void validate(String key) {
        String quoted = "'" + TokenRedactor.redact(key) + "'";
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The idempotency key " + quoted + " has " + key.length()
                    + " characters: use 1 to " + MAX_LENGTH + ", such as a UUID.");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new IllegalArgumentException("The idempotency key " + quoted + " contains "
                        + String.format("U+%04X", (int) c) + " at position " + i
                        + " (counting from 0): use printable ASCII without spaces, such as a UUID.");
            }
        }
    }
}
