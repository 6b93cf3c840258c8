package io.meetzy.examples.cli;

import io.meetzy.client.AuthenticationException;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.core.Expiration;
import io.meetzy.examples.server.DemoApiServer;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.TokenVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
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
                + " create a token, list it masked, call the API with it, revoke it and show the 401.")
final class DemoCommand implements Callable<Integer> {

    private static final String ACCOUNT = "acct_demo";
    private static final String ASSISTANTS_PATH = "/v1/assistants";

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

        try (TokenStore store = JdbcTokenStore.openH2(dataDirectory);
             DemoApiServer server = DemoApiServer.start("127.0.0.1", 0, TokenVerifier.builder(store).clock(clock).build())) {
            TokenManager manager = TokenManager.builder(store).clock(clock).build();
            step(out, 1, "Started the demo API at " + server.baseUrl() + " on an embedded H2 store in " + dataDirectory);

            CreatedToken created = manager.create(ACCOUNT, "Demo app", Expiration.NINETY_DAYS);
            step(out, 2, "Created token \"" + created.metadata().name() + "\" (" + created.metadata().id()
                    + "), expires " + TokenJson.rfc3339(created.metadata().expiresAt()));
            out.println("   The full token is shown once, at creation; this demo prints it masked: " + created.token().maskedValue());

            step(out, 3, "Listed the account's tokens, masked:");
            out.print(indent(TokenTable.render(manager.list(ACCOUNT), Instant.now(clock))));

            MeetzyClient client = MeetzyClient.builder().token(created.token().value()).baseUrl(server.baseUrl()).build();
            MeetzyResponse response = client.get(ASSISTANTS_PATH);
            step(out, 4, "Called GET " + ASSISTANTS_PATH + " with MeetzyClient: HTTP " + response.statusCode()
                    + ", request id " + response.requestId().orElse("-"));
            out.println("   " + TokensCommand.toJson(response.body()).replace("\n", "\n   "));

            step(out, 5, "The same call with curl (export the full token as MEETZY_API_TOKEN first):");
            out.println("   curl -H \"Authorization: Bearer " + created.token().maskedValue() + "\" " + server.baseUrl() + ASSISTANTS_PATH);

            manager.revoke(ACCOUNT, created.metadata().id());
            step(out, 6, "Revoked token " + created.metadata().id() + "; revocation takes effect at once");

            showRejection(out, client);
            out.println("Demo finished: created, listed, used and revoked a token over HTTP.");
        }
    }

    private static void showRejection(PrintWriter out, MeetzyClient client) {
        try {
            MeetzyResponse unexpected = client.get(ASSISTANTS_PATH);
            throw new IllegalStateException("The revoked token was accepted (HTTP " + unexpected.statusCode()
                    + "); revocation is broken.");
        } catch (AuthenticationException expected) {
            step(out, 7, "Called GET " + ASSISTANTS_PATH + " again with the revoked token: HTTP " + expected.statusCode());
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
