package io.meetzy.client.internal;

import io.meetzy.client.TokenProvider;

/** A provider of this library that names its source in messages. */
public interface SourcedTokenProvider extends TokenProvider {

    /** Returns the source, for messages about a missing or invalid token. */
    TokenSource source();
}
