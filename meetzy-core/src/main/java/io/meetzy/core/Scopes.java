package io.meetzy.core;

import java.util.Set;

/** The permissions a token can carry. A token created without a choice of scopes gets {@link #ALL}. */
public final class Scopes {

    public static final String ASSISTANTS_READ = "assistants:read";
    public static final String TOKENS_READ = "tokens:read";
    public static final String TOKENS_WRITE = "tokens:write";

    /** Every scope the API defines. */
    public static final Set<String> ALL = Set.of(ASSISTANTS_READ, TOKENS_READ, TOKENS_WRITE);

    private Scopes() {
    }
}
