package io.meetzy.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.meetzy.client.ApiTokenInfo;
import io.meetzy.client.CreatedApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenNames;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.rest.ApiDurations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meetzy tokens create|list|revoke|rotate}: token management against a token store
 * ({@code --data} or {@code --jdbc-url}), or against a Meetzy server ({@code --base-url} with the
 * token in {@code MEETZY_API_TOKEN}).
 */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Create, list, rotate and revoke tokens in a token store (--data, --jdbc-url) or on a server"
                + " (--base-url, with a token that has the tokens:read or tokens:write scope in MEETZY_API_TOKEN).",
        subcommands = {
                TokensCommand.Create.class,
                TokensCommand.ListTokens.class,
                TokensCommand.Revoke.class,
                TokensCommand.Rotate.class
        })
final class TokensCommand implements Runnable {

    /** The account used when {@code --account} is not given. */
    static final String DEFAULT_ACCOUNT = "default";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: choose one of create, list, revoke, rotate.");
    }

    /** Options every subcommand shares. */
    static final class Common {
        @Mixin
        StoreOptions store;

        @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = DEFAULT_ACCOUNT,
                description = "Account that owns the tokens, for a token store (default: ${DEFAULT-VALUE}).")
        String account;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Manage the tokens on this Meetzy server instead of a token store, with the token in"
                        + " MEETZY_API_TOKEN. The server's account is the token's own.")
        String baseUrl;

        /** Opens the store or the server connection that the options select, creating a new H2 store if absent. */
        TokenBackend open(CommandLine commandLine) {
            return open(commandLine, true);
        }

        /** Opens the store or the server connection that the options select; an H2 store must exist already. */
        TokenBackend openExisting(CommandLine commandLine) {
            return open(commandLine, false);
        }

        private TokenBackend open(CommandLine commandLine, boolean mayCreateStore) {
            if (baseUrl == null) {
                TokenStore tokenStore = mayCreateStore ? store.open() : store.openExisting(commandLine);
                return new TokenBackend.Local(tokenStore, account, Clock.systemUTC());
            }

            CommandLine.ParseResult parsed = commandLine.getParseResult();
            if (parsed.hasMatchedOption("--data") || parsed.hasMatchedOption("--jdbc-url")) {
                throw new CommandLine.ParameterException(commandLine,
                        "--base-url cannot be combined with --data or --jdbc-url: choose a server or a token store.");
            }
            if (parsed.hasMatchedOption("--account")) {
                throw new CommandLine.ParameterException(commandLine,
                        "--account applies to a token store only; on a server the account is that of MEETZY_API_TOKEN.");
            }
            return new TokenBackend.Remote(ClientFactory.fromEnvironment(baseUrl, commandLine.getErr()));
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

        @Option(names = "--scopes", paramLabel = "SCOPES", split = ",",
                description = "Comma-separated scopes: assistants:read, tokens:read, tokens:write. Default: all"
                        + " (on a server, all of the calling token's).")
        List<String> scopes;

        @Option(names = "--json", description = "Print the token object as JSON, with the full token in \"token\".")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Expiration expiration = parseExpiration(spec, expires);
            checkName(spec, name);
            Optional<Set<String>> chosenScopes = Optional.ofNullable(scopes).map(list -> parseScopes(spec, list));
            try (TokenBackend backend = common.open(spec.commandLine())) {
                CreatedApiToken created = backend.create(name, expiration, chosenScopes);
                printCreated(spec, created, json, "Created token \"%s\" (%s), expires %s.%n");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the account's tokens, newest first, with their masked values. Active tokens that expire"
                    + " within 7 days are marked with !.")
    static final class ListTokens implements Runnable {
        @Mixin
        Common common;

        @Option(names = "--json", description = "Print {\"data\":[token...]} as the API returns it.")
        boolean json;

        @Option(names = "--expiring-within", paramLabel = "DURATION",
                description = "Show only active tokens that expire within this time, such as 7d or 12h"
                        + " (units s, m, h, d).")
        String expiringWithin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Optional<Duration> window = Optional.ofNullable(expiringWithin).map(text -> parseDuration(spec,
                    "--expiring-within", text));
            try (TokenBackend backend = common.openExisting(spec.commandLine())) {
                Instant now = Instant.now();
                List<ApiTokenInfo> tokens = backend.list().stream()
                        .filter(token -> window.map(duration -> token.isExpiringWithin(duration, now)).orElse(true))
                        .toList();
                print(tokens, now, window);
            }
        }

        private void print(List<ApiTokenInfo> tokens, Instant now, Optional<Duration> window) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(TokenJson.tokenList(tokens)));
            } else if (tokens.isEmpty()) {
                String summary = window.map(duration -> "No active tokens expire within " + expiringWithin)
                        .orElse("No tokens");
                String scope = common.baseUrl == null ? " for account " + common.account : "";
                out.println(summary + scope + ".");
            } else {
                out.print(TokenTable.render(tokens, now));
            }
            // The CLI's writer flushes on println only, and print() output would be lost at exit.
            out.flush();
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
            try (TokenBackend backend = common.openExisting(spec.commandLine())) {
                TokenBackend.Revocation revocation = backend.revoke(id);
                PrintWriter out = spec.commandLine().getOut();
                if (revocation.token().isEmpty()) {
                    out.printf("Revoked token %s.%n", id);
                    return;
                }

                ApiTokenInfo token = revocation.token().get();
                if (revocation.earlierRevocation().isPresent()) {
                    out.printf("Token \"%s\" (%s, %s) was already revoked at %s. Nothing changed.%n", token.name(),
                            token.id(), token.maskedValue(), TokenJson.rfc3339(revocation.earlierRevocation().get()));
                    return;
                }
                out.printf("Revoked token \"%s\" (%s, %s).%n", token.name(), token.id(), token.maskedValue());
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace a token with a new one that has the same name, scopes and expiration preset. The old"
                    + " token keeps working for the grace period, so applications can switch; then it expires."
                    + " The new token is printed on standard output, as create prints it.")
    static final class Rotate implements Runnable {
        @Mixin
        Common common;

        @Parameters(paramLabel = "ID", description = "Id of the token to replace (tok_...).")
        String id;

        @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0",
                description = "How long the old token keeps working, 0 to 7d, such as 24h (units s, m, h, d)."
                        + " Default: ${DEFAULT-VALUE}, the old token stops at once.")
        String grace;

        @Option(names = "--expires", paramLabel = "PRESET",
                description = "Expiration of the replacement: 30d, 90d, 6m, 1y or never. Default: the preset the old token"
                        + " was created with; required when an earlier rotation shortened the old token's expiry.")
        String expires;

        @Option(names = "--json", description = "Print the new token object as JSON, with the full token in \"token\".")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Duration gracePeriod = parseDuration(spec, "--grace", grace);
            Optional<Expiration> expiration = expires == null ? Optional.empty() : Optional.of(parseExpiration(spec, expires));
            if (gracePeriod.compareTo(TokenManager.MAX_GRACE_PERIOD) > 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --grace: '" + grace
                        + "' is longer than the maximum of 7d.");
            }

            try (TokenBackend backend = common.openExisting(spec.commandLine())) {
                TokenBackend.Rotation rotation = backend.rotate(id, gracePeriod, expiration);
                printCreated(spec, rotation.replacement(), json, "Rotated token " + id + ": the replacement is \"%s\" (%s),"
                        + " expires %s.%n");
                PrintWriter err = spec.commandLine().getErr();
                if (gracePeriod.isZero()) {
                    err.println("The old token " + id + " no longer works.");
                    return;
                }
                String oldExpiry = rotation.previous().map(previous -> TokenJson.rfc3339(previous.expiresAt()))
                        .orElse("the end of the " + grace + " grace period at the latest");
                err.println("The old token " + id + " works until " + oldExpiry + ". Switch your applications to the"
                        + " new token before then.");
            }
        }
    }

    /** Prints the full token alone on stdout, or the token object with {@code --json}, and the rest on stderr. */
    private static void printCreated(CommandLine.Model.CommandSpec spec, CreatedApiToken created, boolean json,
                                     String summaryFormat) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(toJson(TokenJson.createdObject(created)));
            return;
        }
        ApiTokenInfo token = created.info();
        err.printf(summaryFormat, token.name(), token.id(), TokenJson.rfc3339(token.expiresAt()));
        out.println(created.token().value());
        err.println("Copy the token now: it is not shown again.");
    }

    static Expiration parseExpiration(CommandLine.Model.CommandSpec spec, String code) {
        return Expiration.find(code).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for --expires: '" + code + "'. Use one of " + Expiration.codes() + "."));
    }

    private static void checkName(CommandLine.Model.CommandSpec spec, String name) {
        try {
            TokenNames.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --name: " + e.getMessage());
        }
    }

    /** Returns the scopes of {@code --scopes}, each stripped, so that "a, b" works as well as "a,b". */
    private static Set<String> parseScopes(CommandLine.Model.CommandSpec spec, List<String> scopes) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String scope : scopes) {
            parsed.add(scope.strip());
        }

        try {
            Scopes.requireKnown(parsed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --scopes: " + e.getMessage());
        }
        return parsed;
    }

    static Duration parseDuration(CommandLine.Model.CommandSpec spec, String option, String text) {
        return ApiDurations.parse(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for " + option + ": '" + text + "'. Use a whole number and a unit, such as 24h or 7d"
                        + " (units " + String.join(", ", Arrays.asList("s", "m", "h", "d")) + ")."));
    }

    static String toJson(Object node) {
        try {
            return TokenJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
