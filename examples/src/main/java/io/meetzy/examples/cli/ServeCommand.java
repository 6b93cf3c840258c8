package io.meetzy.examples.cli;

import io.meetzy.examples.server.DemoApiServer;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.TokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meetzy serve}: the demo API on a real token store, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the demo Meetzy API (GET /v1/assistants) with token verification, until stopped with Ctrl-C."
                + " Other meetzy commands can open the same --data directory while it runs.")
final class ServeCommand implements Runnable {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, reachable from this machine only).")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for --port: " + port + ". Use 0 to 65535.");
        }

        CountDownLatch stopped = new CountDownLatch(1);
        try (TokenStore tokenStore = store.open();
             DemoApiServer server = DemoApiServer.start(host, port,
                     TokenVerifier.builder(tokenStore).clock(Clock.systemUTC()).build())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "meetzy-serve-shutdown"));
            spec.commandLine().getOut().println("Meetzy demo API listening on " + server.baseUrl()
                    + " (token store: " + store.describe() + "). Press Ctrl-C to stop.");
            spec.commandLine().getOut().flush();
            stopped.await();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose another --port, or 0 for a free one.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
