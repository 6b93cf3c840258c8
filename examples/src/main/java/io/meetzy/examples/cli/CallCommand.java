package io.meetzy.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meetzy.client.MeetzyApiException;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.RateLimit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meetzy call}: one request through {@link MeetzyClient}. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Send one request to the Meetzy API with the token in MEETZY_API_TOKEN and print the status,"
                + " the rate-limit state and the body. Exits 0 on a 2xx status, 1 otherwise.")
final class CallCommand implements java.util.concurrent.Callable<Integer> {

    /** Response headers worth showing: the request id, rate-limit state and token expiry. */
    private static final List<String> SHOWN_HEADERS = List.of(
            "Meetzy-Request-Id", "Meetzy-Token-Expires", "RateLimit-Policy", "RateLimit",
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "WWW-Authenticate");

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST or DELETE.")
    String method;

    @Parameters(index = "1", paramLabel = "PATH", description = "Path under the base URL, for example /v1/assistants.")
    String path;

    @Option(names = "--data", paramLabel = "JSON", description = "JSON request body, for POST.")
    String data;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "API base URL; overrides MEETZY_BASE_URL (default: https://api.meetzy.ai).")
    String baseUrl;

    @Option(names = "--max-retries", paramLabel = "N",
            description = "Retries after the first attempt on connection failures, timeouts and status 408, 429 and"
                    + " 5xx (default: 2; 0 sends the request once).")
    Integer maxRetries;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Idempotency-Key for POST, sent on every attempt (default: a new random key per call).")
    String idempotencyKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "DELETE").contains(verb)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid METHOD '" + method + "'. Use GET, POST or DELETE.");
        }
        if (!path.startsWith("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid PATH '" + path + "'. It must start with /, for example /v1/assistants.");
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for --max-retries: " + maxRetries + ". Use 0 or more.");
        }
        if (idempotencyKey != null && !verb.equals("POST")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--idempotency-key applies only to POST; " + verb + " is retried without one.");
        }
        JsonNode body = parseBody();

        MeetzyClient client = ClientFactory.fromEnvironment(baseUrl, Optional.ofNullable(maxRetries), spec.commandLine().getErr());
        try {
            MeetzyResponse response = switch (verb) {
                case "POST" -> post(client, body == null ? TokenJson.MAPPER.createObjectNode() : body);
                case "DELETE" -> client.delete(path);
                default -> client.get(path);
            };
            print(response.statusCode(), response.rateLimit(), response.headers(), bodyText(response.body()));
            return 0;
        } catch (MeetzyApiException e) {
            print(e.statusCode(), e.rateLimit(), e.headers(), e.responseBody());
            return MeetzyCli.EXIT_FAILURE;
        }
    }

    private MeetzyResponse post(MeetzyClient client, JsonNode body) {
        if (idempotencyKey == null) {
            return client.post(path, body);
        }
        try {
            return client.post(path, body, idempotencyKey);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --idempotency-key: "
                    + e.getMessage());
        }
    }

    private JsonNode parseBody() {
        if (data == null) {
            return null;
        }
        try {
            return TokenJson.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for --data: not JSON (" + e.getOriginalMessage() + ").");
        }
    }

    private void print(int status, RateLimit rateLimit, Map<String, List<String>> headers, String body) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("HTTP " + status);
        out.println("Rate limit: " + rateLimit);
        for (String name : SHOWN_HEADERS) {
            headerValue(headers, name).ifPresent(value -> out.println(name + ": " + value));
        }
        if (!body.isEmpty()) {
            out.println();
            out.println(body);
        }
    }

    private static Optional<String> headerValue(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> String.join(", ", entry.getValue()))
                .findFirst();
    }

    private static String bodyText(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return "";
        }
        return TokensCommand.toJson(body);
    }
}
