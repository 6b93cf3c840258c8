package io.meetzy.verifier.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * An exchange that keeps one attribute of its own and forwards everything else. It exists because
 * the JDK's {@link HttpExchange#setAttribute} (in the {@code jdk.httpserver} implementation of
 * Java 17) stores attributes in the shared {@link HttpContext}, where concurrent requests would
 * see each other's principal.
 */
public final class PrincipalExchange extends HttpExchange {

    private final HttpExchange delegate;
    private final String attributeName;
    private final Object attributeValue;

    public PrincipalExchange(HttpExchange delegate, String attributeName, Object attributeValue) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.attributeName = Objects.requireNonNull(attributeName, "attributeName");
        this.attributeValue = Objects.requireNonNull(attributeValue, "attributeValue");
    }

    /** Returns this request's own value for the principal attribute, and the delegate's for any other name. */
    @Override
    public Object getAttribute(String name) {
        return attributeName.equals(name) ? attributeValue : delegate.getAttribute(name);
    }

    /**
     * Forwards to the delegate, except for the principal attribute, which stays fixed.
     *
     * @throws IllegalArgumentException on an attempt to replace the principal attribute
     */
    @Override
    public void setAttribute(String name, Object value) {
        if (attributeName.equals(name)) {
            throw new IllegalArgumentException("The attribute " + name + " contains the verified token and cannot be replaced.");
        }
        delegate.setAttribute(name, value);
    }

    @Override
    public Headers getRequestHeaders() {
        return delegate.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return delegate.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return delegate.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return delegate.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return delegate.getHttpContext();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public InputStream getRequestBody() {
        return delegate.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        return delegate.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int responseCode, long responseLength) throws IOException {
        delegate.sendResponseHeaders(responseCode, responseLength);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return delegate.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
        return delegate.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public void setStreams(InputStream input, OutputStream output) {
        delegate.setStreams(input, output);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return delegate.getPrincipal();
    }
}
