package io.meetzy.verifier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP contract through {@link MeetzyServletFilter} in a real Jetty 12 (ee10) container. */
class ServletFilterContractTest extends HttpAdapterContractTest {

    private Server server;

    @Override
    URI start(TokenVerifier verifier) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new MeetzyServletFilter(verifier)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AssistantsServlet()), "/v1/assistants");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/assistants");
    }

    @Override
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void servletSeesUserPrincipal() throws Exception {
        CreatedToken token = TokenManager.builder(store).clock(clock).build()
                .create("acct_2", "Servlet user", io.meetzy.core.Expiration.THIRTY_DAYS);
        URI whoami = URI.create(server.getURI().toString().replaceAll("/$", "") + "/v1/assistants?whoami");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(whoami)
                .header("Authorization", "Bearer " + token.token().value()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(token.metadata().id() + " Bearer");
    }

    /** Responds with the principal, or with the container's user principal for {@code ?whoami}. */
    private static final class AssistantsServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("whoami".equals(request.getQueryString())) {
                response.getWriter().write(request.getUserPrincipal().getName() + " " + request.getAuthType());
                return;
            }

            String note = request.getContentType() == null
                    ? new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : request.getParameter("note");
            String account = MeetzyServletFilter.principal(request).orElseThrow().accountId();
            response.setContentType("application/json");
            response.getWriter().write(applicationBody(account, note));
        }
    }
}
