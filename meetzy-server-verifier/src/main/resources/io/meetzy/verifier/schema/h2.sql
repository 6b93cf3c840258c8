-- Meetzy API tokens for H2 2.x. The table keeps only the SHA-256 (or HMAC-SHA256) hash of each
-- token and its display prefix (the first 24 characters, the lookup key); never the token.
-- Timestamps are UTC instants with microsecond precision.
CREATE TABLE IF NOT EXISTS meetzy_api_tokens (
    id             VARCHAR(20)              NOT NULL PRIMARY KEY,
    account_id     VARCHAR(200)             NOT NULL,
    name           VARCHAR(100)             NOT NULL,
    display_prefix CHAR(24)                 NOT NULL,
    token_hash     BINARY(32)               NOT NULL,
    scopes         VARCHAR(1000)            NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP(6) WITH TIME ZONE,
    revoked_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT meetzy_api_tokens_display_prefix_key UNIQUE (display_prefix)
);

CREATE INDEX IF NOT EXISTS meetzy_api_tokens_account_idx ON meetzy_api_tokens (account_id, created_at);
