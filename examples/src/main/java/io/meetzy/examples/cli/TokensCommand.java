package io.meetzy.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meetzy tokens create|list|revoke}: token management against a token store. */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke tokens in a token store.",
        subcommands = {
                TokensCommand.Create.class,
                TokensCommand.ListTokens.class,
                TokensCommand.Revoke.class
        })
final class TokensCommand implements Runnable {

    /** The account used when {@code --account} is not given. */
    static final String DEFAULT_ACCOUNT = "default";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose one of create, list, revoke.");
    }

    /** Options every subcommand shares. */
    static final class Common {
        @Mixin
        StoreOptions store;

        @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = DEFAULT_ACCOUNT,
                description = "Account that owns the tokens (default: ${DEFAULT-VALUE}).")
        String account;

        TokenManager openManager(TokenStore tokenStore) {
            return TokenManager.builder(tokenStore).clock(Clock.systemUTC()).build();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once. The full token is on standard output, on a line of its own;"
                    + " everything else goes to standard error, so `TOKEN=$(meetzy tokens create ...)` captures the token alone.")
    static final class Create implements Runnable {
        @Mixin
        Common common;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "What uses the token, for example \"Production API\" (at most 100 characters).")
        String name;

        @Option(names = "--expires", paramLabel = "PRESET", defaultValue = "90d",
                description = "Expiration: 30d, 90d, 6m, 1y or never (4 years). Default: ${DEFAULT-VALUE}.")
        String expires;

        @Option(names = "--json", description = "Print the token object as JSON, with the full token in \"token\".")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Expiration expiration = parseExpiration(spec, expires);
            try (TokenStore store = common.store.open()) {
                CreatedToken created = common.openManager(store).create(common.account, name, expiration);
                print(created);
            }
        }

        private void print(CreatedToken created) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TokenMetadata token = created.metadata();
            if (json) {
                ObjectNode node = TokenJson.tokenObject(token, Instant.now());
                node.put("token", created.token().value());
                out.println(toJson(node));
                return;
            }
            err.printf("Created token \"%s\" (%s) for account %s, expires %s.%n",
                    token.name(), token.id(), token.accountId(), TokenJson.rfc3339(token.expiresAt()));
            out.println(created.token().value());
            err.println("Copy the token now: it is not shown again.");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an account's tokens, newest first, with their masked values.")
    static final class ListTokens implements Runnable {
        @Mixin
        Common common;

        @Option(names = "--json", description = "Print {\"data\":[token...]} as the API returns it.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (TokenStore store = common.store.open()) {
                List<TokenMetadata> tokens = common.openManager(store).list(common.account);
                Instant now = Instant.now();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(toJson(TokenJson.tokenList(tokens, now)));
                } else if (tokens.isEmpty()) {
                    out.println("No tokens for account " + common.account + ".");
                } else {
                    out.print(TokenTable.render(tokens, now));
                }
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token. It stops working at once; applications that use it need a new one.")
    static final class Revoke implements Runnable {
        @Mixin
        Common common;

        @Parameters(paramLabel = "ID", description = "Token id, as `meetzy tokens list` shows it (tok_...).")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (TokenStore store = common.store.open()) {
                TokenMetadata revoked = common.openManager(store).revoke(common.account, id);
                spec.commandLine().getOut().printf("Revoked token \"%s\" (%s, %s).%n",
                        revoked.name(), revoked.id(), revoked.maskedValue());
            }
        }
    }

    static Expiration parseExpiration(CommandLine.Model.CommandSpec spec, String code) {
        return Expiration.find(code).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for --expires: '" + code + "'. Use one of " + Expiration.codes() + "."));
    }

    static String toJson(Object node) {
        try {
            return TokenJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
