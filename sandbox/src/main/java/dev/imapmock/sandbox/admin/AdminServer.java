package dev.imapmock.sandbox.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imapmock.ImapMockServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The admin HTTP API and the web UI of one sandbox, on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): no dependency, and enough for a loopback admin API with a
 * handful of clients. Every {@code /api} path is routed by one {@link Router} table; every other
 * GET is a file of the UI ({@link StaticFiles}). Errors become problem documents here, in
 * {@link #serve}, and nowhere else.
 *
 * <p>Each request runs on a thread of a pool of daemon threads; a live journal stream holds its
 * thread while it lasts, and at most {@link JournalStream#MAX_CLIENTS} streams are served at once.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    static {
        // The JDK server leaves Nagle's algorithm on unless told otherwise; with the client's delayed
        // ACK, every response written in two parts (headers, body) then waits about 40 ms. Read once,
        // when the first server is made, so it is set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Where the other listeners of the sandbox are, for {@code GET /api/server}; null when absent. */
    public record Endpoint(String host, int port) {
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final Router router;
    private final String token;
    private final StaticFiles files = new StaticFiles();
    private final JournalStream stream;
    private final String host;

    private AdminServer(HttpServer http, ExecutorService executor, Router router, String token, JournalStream stream,
                        String host) {
        this.http = http;
        this.executor = executor;
        this.router = router;
        this.token = token;
        this.stream = stream;
        this.host = host;
    }

    /**
     * Binds {@code host:port} (0: a free port) and starts serving {@code server}'s API. Refuses an
     * address beyond loopback unless {@code token} is given: the API can read every mailbox.
     *
     * @param smtp where SMTP listens, asked at each {@code GET /api/server}; returns null when it does not
     * @throws IllegalStateException with a one-line reason when the address is refused or can't be bound
     * @param server the server the API reads and changes
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @param token the bearer token every request must carry, or null for none (loopback only)
     * @return the started server
     */
    public static AdminServer start(ImapMockServer server, String host, int port, String token,
                                    Supplier<Endpoint> smtp) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("--admin-host " + host + " is not a known address");
        }
        if (!address.isLoopbackAddress() && (token == null || token.isEmpty())) {
            throw new IllegalStateException("--admin-host " + host + " is not a loopback address: the admin API"
                    + " reads and changes every mailbox, so give --admin-token TOKEN as well");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("can't listen on " + host + ":" + port + " for the admin API: "
                    + e.getMessage());
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "imapmock-admin-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        JournalStream stream = new JournalStream(server.journal());
        Supplier<Endpoint> admin = () -> new Endpoint(host, http.getAddress().getPort());
        Router router = routes(server, stream, smtp, admin);
        AdminServer instance = new AdminServer(http, executor, router, token, stream, host);
        http.createContext("/", instance::serve);
        http.setExecutor(executor);
        http.start();
        return instance;
    }

    static Router routes(ImapMockServer server, JournalStream stream, Supplier<Endpoint> smtp,
                         Supplier<Endpoint> admin) {
        ServerResource about = new ServerResource(server, smtp, admin);
        UsersResource users = new UsersResource(server);
        MailboxesResource mailboxes = new MailboxesResource(server);
        MessagesResource messages = new MessagesResource(server);
        JournalResource journal = new JournalResource(server, stream);
        FaultsResource faults = new FaultsResource(server);
        StateResource state = new StateResource(server);
        ClientReportResource report = new ClientReportResource(server);
        String mailbox = "/api/users/{user}/mailboxes/{mailbox}";
        String message = mailbox + "/messages/{uid}";
        return new Router()
                .add("GET", "/api/health", about::health)
                .add("GET", "/api/ready", about::ready)
                .add("GET", "/api/server", about::server)
                .add("GET", "/api/openapi.json", about::openApi)
                .add("GET", "/api/users", users::list)
                .add("POST", "/api/users", users::add)
                .add("PATCH", "/api/users/{user}", users::change)
                .add("DELETE", "/api/users/{user}", users::remove)
                .add("GET", "/api/users/{user}/mailboxes", mailboxes::list)
                .add("POST", "/api/users/{user}/mailboxes", mailboxes::create)
                .add("PATCH", mailbox, mailboxes::rename)
                .add("DELETE", mailbox, mailboxes::delete)
                .add("GET", mailbox + "/messages", messages::list)
                .add("POST", mailbox + "/messages", messages::deliver)
                .add("GET", message, messages::parsed)
                .add("DELETE", message, messages::delete)
                .add("GET", message + "/raw", messages::raw)
                .add("GET", message + "/html", messages::html)
                .add("GET", message + "/parts/{part}", messages::part)
                .add("PUT", message + "/flags", messages::flags)
                .add("GET", "/api/journal", journal::list)
                .add("DELETE", "/api/journal", journal::clear)
                .add("GET", "/api/journal/stream", journal::stream)
                .add("GET", "/api/faults", faults::list)
                .add("POST", "/api/faults", faults::add)
                .add("DELETE", "/api/faults", faults::clear)
                .add("DELETE", "/api/faults/{id}", faults::remove)
                .add("GET", "/api/client-report", report::report)
                .add("POST", "/api/reset", state::reset)
                .add("GET", "/api/snapshot", state::snapshot)
                .add("POST", "/api/snapshot", state::load);
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * The address as given, for the ready line.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * {@code http://HOST:PORT/}, with an IPv6 address in brackets.
     *
     * @return the URL
     */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        Call call = null;
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.equals("/api") || rawPath.startsWith("/api/")) {
                checkToken(exchange);
                Router.Match match = router.find(exchange.getRequestMethod(), rawPath);
                if (match == null) {
                    throw ApiException.notFound("No API resource at " + rawPath);
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : match.parameters().entrySet()) {
                    parameters.put(e.getKey(), Call.decode(e.getValue(), "path"));
                }
                call = new Call(exchange, parameters);
                match.handler().handle(call);
            } else {
                call = new Call(exchange, Map.of());
                files.serve(call, rawPath);
            }
        } catch (ApiException e) {
            if (e.allow() != null) {
                exchange.getResponseHeaders().set("Allow", e.allow());
            }
            if (e.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"imapmock\"");
            }
            answer(exchange, call, Problems.of(e));
        } catch (IOException | UncheckedIOException e) {
            // The client went away; nothing to answer.
            LOG.debug("Admin request ended early: {}", e.toString());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // A bug, or a jar mixed with another version's: logged with its stack, answered without it.
            LOG.error("Admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            answer(exchange, call, Problems.of(500, "The server failed to handle this request; its log says why"));
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, Call call, Problems.Problem problem) throws IOException {
        if (call != null && call.answered()) {
            return;
        }
        (call != null ? call : new Call(exchange, Map.of())).problem(problem);
    }

    /**
     * With a token, every API request carries {@code Authorization: Bearer TOKEN}, or {@code ?token=}
     * where a browser can't send headers: the journal stream (EventSource) and a message's HTML, raw
     * source and parts (an iframe or a download link). Compared in constant time.
     */
    private void checkToken(HttpExchange exchange) {
        if (token == null) {
            return;
        }
        String presented = null;
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = header.substring(7).strip();
        } else if (takesTokenInQuery(exchange)) {
            presented = new Call(exchange, Map.of()).query("token");
        }
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, presented == null ? "This API needs Authorization: Bearer TOKEN"
                    : "The bearer token is wrong");
        }
    }

    private static boolean takesTokenInQuery(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/api/journal/stream")) {
            return true;
        }
        return exchange.getRequestMethod().equals("GET") && path.startsWith("/api/users/")
                && path.contains("/messages/")
                && (path.endsWith("/html") || path.endsWith("/raw") || path.matches(".*/messages/[0-9]+/parts/[^/]+"));
    }

    /** Stops serving: ends the journal streams, then waits at most a second for requests in flight. */
    @Override
    public void close() {
        stream.close();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Router router() {
        return router;
    }
}
