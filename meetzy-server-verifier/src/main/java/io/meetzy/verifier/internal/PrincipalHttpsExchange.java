package io.meetzy.verifier.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.net.ssl.SSLSession;

/**
 * The {@link HttpsExchange} form of {@link PrincipalExchange}, so that handlers behind an
 * {@code HttpsServer} still see the TLS session (and a client certificate, if any).
 */
public final class PrincipalHttpsExchange extends HttpsExchange {

    private final HttpsExchange tls;
    private final PrincipalExchange exchange;

    public PrincipalHttpsExchange(HttpsExchange delegate, String attributeName, Object attributeValue) {
        this.tls = delegate;
        this.exchange = new PrincipalExchange(delegate, attributeName, attributeValue);
    }

    @Override
    public SSLSession getSSLSession() {
        return tls.getSSLSession();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.setAttribute(name, value);
    }

    @Override
    public Headers getRequestHeaders() {
        return exchange.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return exchange.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return exchange.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.getHttpContext();
    }

    @Override
    public void close() {
        exchange.close();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        return exchange.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int responseCode, long responseLength) throws IOException {
        exchange.sendResponseHeaders(responseCode, responseLength);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
        return exchange.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol();
    }

    @Override
    public void setStreams(InputStream input, OutputStream output) {
        exchange.setStreams(input, output);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.getPrincipal();
    }
}
