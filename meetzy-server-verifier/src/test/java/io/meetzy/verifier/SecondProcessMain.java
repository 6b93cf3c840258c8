package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import io.meetzy.core.TokenMetadata;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link JdbcTokenStoreTest}: opens the H2 directory that the test process
 * keeps open, prints the ids of an account's tokens, creates one more and prints its id.
 * Arguments: data directory, account id.
 */
public final class SecondProcessMain {

    private SecondProcessMain() {
    }

    public static void main(String[] args) {
        Path dataDirectory = Path.of(args[0]);
        String account = args[1];

        try (JdbcTokenStore store = JdbcTokenStore.openH2(dataDirectory)) {
            TokenManager manager = TokenManager.builder(store).build();
            for (TokenMetadata metadata : manager.list(account)) {
                System.out.println("listed " + metadata.id());
            }
            CreatedToken created = manager.create(account, "Created by the second process", Expiration.THIRTY_DAYS);
            System.out.println("created " + created.metadata().id());
        }
    }
}
