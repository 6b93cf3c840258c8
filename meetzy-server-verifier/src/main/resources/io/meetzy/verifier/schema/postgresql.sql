-- Meetzy API tokens for PostgreSQL 12 or later. The table keeps only the SHA-256 (or HMAC-SHA256)
-- hash of each token and its display prefix (the first 24 characters, the lookup key); never the
-- token. timestamptz stores UTC instants with microsecond precision.
CREATE TABLE IF NOT EXISTS meetzy_api_tokens (
    id             VARCHAR(20)    NOT NULL PRIMARY KEY,
    account_id     VARCHAR(200)   NOT NULL,
    name           VARCHAR(100)   NOT NULL,
    display_prefix CHAR(24)       NOT NULL,
    token_hash     BYTEA          NOT NULL CHECK (octet_length(token_hash) = 32),
    scopes         VARCHAR(1000)  NOT NULL,
    created_at     TIMESTAMPTZ(6) NOT NULL,
    expires_at     TIMESTAMPTZ(6) NOT NULL,
    last_used_at   TIMESTAMPTZ(6),
    revoked_at     TIMESTAMPTZ(6),
    CONSTRAINT meetzy_api_tokens_display_prefix_key UNIQUE (display_prefix)
);

CREATE INDEX IF NOT EXISTS meetzy_api_tokens_account_idx ON meetzy_api_tokens (account_id, created_at);
