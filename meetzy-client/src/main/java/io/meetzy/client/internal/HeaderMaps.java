package io.meetzy.client.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Copies of HTTP header maps whose lookups ignore case, as header names do in HTTP. */
public final class HeaderMaps {

    private HeaderMaps() {
    }

    /** Returns an unmodifiable copy of {@code headers} whose keys compare without case. */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** Returns the first value of the header {@code name}, or empty. */
    public static Optional<String> first(Map<String, List<String>> headers, String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }
}
