package io.meetzy.client.internal;

import io.meetzy.client.MeetzyApiException;
import io.meetzy.client.MeetzyConnectionException;
import io.meetzy.client.MeetzyResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one API request and maps its outcome. Every request of the client goes through
 * {@link #execute}, so retries and rate limiting can later wrap this one method.
 */
public final class RequestExecutor {

    /** Shares the client's logger name, so one logging setting covers every client message. */
    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private final HttpClient httpClient;
    private final RequestFactory requestFactory;
    private final ResponseMapper responseMapper;

    public RequestExecutor(HttpClient httpClient, RequestFactory requestFactory, ResponseMapper responseMapper) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.requestFactory = Objects.requireNonNull(requestFactory, "requestFactory");
        this.responseMapper = Objects.requireNonNull(responseMapper, "responseMapper");
    }

    /**
     * Sends {@code method} on {@code path} with an optional JSON body and returns the 2xx response.
     *
     * @throws IllegalArgumentException if the path is invalid or the body cannot be serialized
     * @throws MeetzyApiException for a non-2xx status or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived
     */
    public MeetzyResponse execute(String method, String path, Optional<Object> jsonBody) {
        Optional<byte[]> body = jsonBody.map(Json::write);
        HttpRequest request = requestFactory.create(method, path, body);
        String logPath = request.uri().getRawPath();

        HttpResponse<byte[]> response = send(request, method, logPath);

        String requestId = HeaderMaps.first(response.headers().map(), ResponseMapper.REQUEST_ID_HEADER).orElse("none");
        LOG.debug("{} {} returned status {} (request id {})", method, logPath, response.statusCode(), requestId);
        return responseMapper.map(method, logPath, response.statusCode(), response.body(), response.headers().map());
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method, String logPath) {
        try {
            return httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw connectionFailure(method, logPath, "timed out while connecting to " + authority(request), e);
        } catch (HttpTimeoutException e) {
            throw connectionFailure(method, logPath, "timed out waiting for the response from "
                    + authority(request), e);
        } catch (IOException e) {
            throw connectionFailure(method, logPath, "failed to reach " + authority(request) + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw connectionFailure(method, logPath, "was interrupted before the response arrived", e);
        }
    }

    private static MeetzyConnectionException connectionFailure(String method, String logPath, String problem,
            Exception cause) {
        LOG.debug("{} {} got no response: {}", method, logPath, cause.toString());
        String message = method + " " + logPath + " " + problem + ". Check the base URL and the network;"
                + " the server may have received the request.";
        return new MeetzyConnectionException(TokenRedactor.redact(message), cause);
    }

    private static String authority(HttpRequest request) {
        return request.uri().getScheme() + "://" + request.uri().getRawAuthority();
    }
}
