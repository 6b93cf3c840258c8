package io.meetzy.examples.cli;

import io.meetzy.client.AuthenticationException;
import io.meetzy.client.CreatedApiToken;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.TokensApi;
import io.meetzy.core.Expiration;
import io.meetzy.examples.server.DemoApiServer;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.rest.TokenApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code meetzy demo}: the whole token lifecycle over real HTTP on loopback, against an embedded
 * H2 store in a temporary directory that is deleted afterwards. Each step checks what it shows,
 * so the demo fails (exit 1) if the SDK misbehaves.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the token lifecycle end to end on this machine: start a server on a free loopback port,"
                + " create a token, list it masked, call the API with it, rotate it with a grace period, use both"
                + " tokens, revoke the old one and show the 401.")
final class DemoCommand implements Callable<Integer> {

    private static final String ACCOUNT = "acct_demo";
    private static final String ASSISTANTS_PATH = "/v1/assistants";

    /** The grace period of the demo's rotation: a day, as a deployment that switches tokens might need. */
    private static final Duration GRACE_PERIOD = Duration.ofHours(24);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dataDirectory = Files.createTempDirectory("meetzy-demo-");
        try {
            runLifecycle(dataDirectory);
            return 0;
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private void runLifecycle(Path dataDirectory) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();

        try (TokenStore store = JdbcTokenStore.openH2(dataDirectory)) {
            TokenManager manager = TokenManager.builder(store).clock(clock).build();
            TokenApi tokenApi = TokenApi.builder(manager).clock(clock).build();
            try (TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
                 DemoApiServer server = DemoApiServer.start("127.0.0.1", 0, verifier, tokenApi)) {
                step(out, 1, "Started the demo API at " + server.baseUrl() + " on an embedded H2 store in " + dataDirectory);
                CreatedToken created = createAndUse(out, manager, server, clock);
                MeetzyClient oldClient = client(created.token().value(), server);
                renew(out, oldClient, created.metadata().id(), server, verifier);
                out.println("Demo finished: created, listed, used, rotated and revoked a token over HTTP.");
            }
        }
    }

    /** Steps 2 to 5: create a token in the store, list it, call the API with it and show the curl line. */
    private CreatedToken createAndUse(PrintWriter out, TokenManager manager, DemoApiServer server, Clock clock) {
        CreatedToken created = manager.create(ACCOUNT, "Demo app", Expiration.NINETY_DAYS);
        step(out, 2, "Created token \"" + created.metadata().name() + "\" (" + created.metadata().id()
                + "), expires " + TokenJson.rfc3339(created.metadata().expiresAt()));
        out.println("   The full token is shown once, at creation; this demo prints it masked: " + created.token().maskedValue());

        step(out, 3, "Listed the account's tokens, masked:");
        Instant now = Instant.now(clock);
        out.print(indent(TokenTable.render(manager.list(ACCOUNT).stream().map(token -> TokenBackend.info(token, now))
                .toList(), now)));

        MeetzyResponse response = client(created.token().value(), server).get(ASSISTANTS_PATH);
        step(out, 4, "Called GET " + ASSISTANTS_PATH + " with MeetzyClient: HTTP " + response.statusCode()
                + ", request id " + response.requestId().orElse("-"));
        out.println("   " + TokensCommand.toJson(response.body()).replace("\n", "\n   "));

        // The line shows the token masked, so the heading explains what to put in its place to run it.
        step(out, 5, "The same call with curl, token masked (to run it, put the full token in its place,"
                + " for example \"Bearer $MEETZY_API_TOKEN\"):");
        out.println("   curl -H \"Authorization: Bearer " + created.token().maskedValue() + "\" " + server.baseUrl() + ASSISTANTS_PATH);
        return created;
    }

    /**
     * Steps 6 to 10, the renewal process over the token API: rotate with a grace period, use both
     * tokens, revoke the old one with the new one, and show that only the new one works.
     */
    private void renew(PrintWriter out, MeetzyClient oldClient, String oldId, DemoApiServer server,
                       TokenVerifier verifier) {
        CreatedApiToken replacement = new TokensApi(oldClient).rotate(oldId, GRACE_PERIOD);
        MeetzyClient newClient = client(replacement.token().value(), server);
        step(out, 6, "Rotated token " + oldId + " with POST /v1/tokens/" + oldId + "/rotate and a "
                + GRACE_PERIOD.toHours() + "-hour grace period: the replacement is " + replacement.info().id()
                + " (" + replacement.token().maskedValue() + ")");

        int oldStatus = oldClient.get(ASSISTANTS_PATH).statusCode();
        int newStatus = newClient.get(ASSISTANTS_PATH).statusCode();
        TokensApi tokens = new TokensApi(newClient);
        // The verifier writes last uses every few seconds; write them now so the listing shows both calls.
        verifier.flushUsage();
        step(out, 7, "During the grace period both tokens work: old token HTTP " + oldStatus + ", new token HTTP "
                + newStatus + ". GET /v1/tokens lists both:");
        out.print(indent(TokenTable.render(tokens.list(), Instant.now())));

        tokens.revoke(oldId);
        step(out, 8, "Revoked token " + oldId + " with DELETE /v1/tokens/" + oldId
                + " once the new token worked; revocation takes effect at once");

        showRejection(out, oldClient);
        MeetzyResponse stillWorking = newClient.get(ASSISTANTS_PATH);
        step(out, 10, "Called GET " + ASSISTANTS_PATH + " with the new token: HTTP " + stillWorking.statusCode());
    }

    private static MeetzyClient client(String token, DemoApiServer server) {
        return MeetzyClient.builder().token(token).baseUrl(server.baseUrl()).build();
    }

    private static void showRejection(PrintWriter out, MeetzyClient client) {
        try {
            MeetzyResponse unexpected = client.get(ASSISTANTS_PATH);
            throw new IllegalStateException("The revoked token was accepted (HTTP " + unexpected.statusCode()
                    + "); revocation is broken.");
        } catch (AuthenticationException expected) {
            step(out, 9, "Called GET " + ASSISTANTS_PATH + " again with the revoked token: HTTP " + expected.statusCode());
            out.println("   WWW-Authenticate: " + expected.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("WWW-Authenticate"))
                    .map(header -> String.join(", ", header.getValue()))
                    .findFirst().orElse("(missing)"));
            out.println("   " + expected.getMessage());
        }
    }

    private static void step(PrintWriter out, int number, String text) {
        out.println(number + ". " + text);
        out.flush();
    }

    private static String indent(String text) {
        return text.lines().map(line -> "   " + line + System.lineSeparator()).reduce("", String::concat);
    }

    private static void deleteRecursively(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the demo directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
