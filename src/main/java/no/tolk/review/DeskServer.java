package no.tolk.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.tolk.publish.ReviewDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review desk over HTTP: server-rendered pages (Mustache templates under {@code templates/desk/}) and plain
 * HTML forms, no JavaScript. The JDK's HTTP server, as for health and metrics: a handful of pages for a few staff
 * need no web framework. Listens on {@code tolk.desk.host} (127.0.0.1 by default); TLS comes from a reverse proxy
 * (docs/desk.md).
 *
 * <p>Security: every page but {@code /login} needs a session (else a redirect to the login page); every POST needs
 * the session's CSRF token (else 403); the cookie is HttpOnly and SameSite=Strict (and Secure with
 * {@code tolk.desk.secure-cookie}); pages forbid framing, scripts and caching (Content-Security-Policy). Role checks
 * are made on the server for every action, whatever the page shows.
 */
public final class DeskServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    static final String COOKIE = "tolk_desk";
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final DeskService service;
    private final Accounts accounts;
    private final Sessions sessions;
    private final boolean secureCookie;

    private DeskServer(HttpServer server, ExecutorService executor, DeskService service, Accounts accounts, Sessions sessions,
            boolean secureCookie) {
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.accounts = accounts;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    /** Starts listening on host:port (port 0 = any free port). */
    public static DeskServer start(String host, int port, DeskService service, Accounts accounts, Sessions sessions,
            boolean secureCookie) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 32);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "tolk-desk-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        DeskServer desk = new DeskServer(server, executor, service, accounts, sessions, secureCookie);
        server.createContext("/", desk::handle);
        server.start();
        LOG.info("Review desk on http://{}:{}/ ({} user(s) in {})", host, server.getAddress().getPort(),
                accounts.list().size(), accounts.file());
        if (accounts.list().isEmpty()) {
            LOG.warn("The review desk has no users yet: create one with 'tolk user add NAME --role admin'");
        }
        return desk;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/login")) {
                if (method.equals("POST")) login(exchange);
                else page(exchange, 200, "desk/login", Map.of());
                return;
            }
            if (path.equals("/style.css")) {
                send(exchange, 200, "text/css; charset=utf-8", Templates.render("desk/style", Map.of()));
                return;
            }
            Optional<Sessions.Session> session = sessions.find(cookie(exchange));
            if (session.isEmpty()) {
                if (method.equals("GET") || method.equals("HEAD")) redirect(exchange, "/login");
                else page(exchange, 403, "desk/message", Map.of("title", "Forbidden", "message", "Log in first."));
                return;
            }
            Map<String, String> form = Map.of();
            if (method.equals("POST")) {
                form = form(exchange);
                if (!Sessions.csrfMatches(session.get(), form.get("csrf"))) {
                    LOG.warn("Desk: POST {} by {} without a valid CSRF token refused", path, session.get().user());
                    page(exchange, 403, "desk/message", Map.of("title", "Forbidden", "message",
                            "This form is out of date or did not come from the desk. Reload the page and try again."));
                    return;
                }
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            route(exchange, method, path, session.get(), form);
        } catch (RuntimeException e) {
            LOG.error("Desk request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                page(exchange, 500, "desk/message", Map.of("title", "Something went wrong", "message",
                        "The desk could not do that; the details are in the log."));
            } catch (RuntimeException | IOException ignored) {
                // the response may have started already
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path, Sessions.Session session, Map<String, String> form)
            throws IOException {
        String[] parts = path.split("/");
        boolean get = !method.equals("POST");
        if (path.equals("/") && get) {
            Map<String, Object> scope = new HashMap<>(service.attention());
            page(exchange, 200, "desk/attention", with(scope, session, exchange));
        } else if (path.equals("/logout") && !get) {
            sessions.close(session.id());
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
            redirect(exchange, "/login");
        } else if (path.equals("/publish-now") && !get) {
            if (!allowed(exchange, session, Role.EDITOR)) return;
            try {
                flash(exchange, "/", service.publishNow(session.user()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                flash(exchange, "/", "Publishing was interrupted.");
            }
        } else if (parts.length >= 3 && parts[1].equals("article")) {
            String id = decode(parts[2]);
            String action = parts.length > 3 ? parts[3] : "";
            article(exchange, get, id, action, session, form);
        } else if (parts.length >= 3 && parts[1].equals("quarantine")) {
            if (!allowed(exchange, session, Role.ADMIN)) return;
            String name = decode(parts[2]);
            if (get) {
                Optional<String> report = service.quarantineReport(name);
                if (report.isEmpty()) notFound(exchange);
                else page(exchange, 200, "desk/quarantine", with(new HashMap<>(Map.of("name", name, "report", report.get())), session, exchange));
            } else if (parts.length > 3 && parts[3].equals("requeue")) {
                flash(exchange, "/", service.requeue(name, session.user()));
            } else {
                notFound(exchange);
            }
        } else {
            notFound(exchange);
        }
    }

    private void article(HttpExchange exchange, boolean get, String id, String action, Sessions.Session session,
            Map<String, String> form) throws IOException {
        String back = "/article/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        if (get) {
            Optional<Map<String, Object>> scope = service.article(id);
            if (scope.isEmpty()) {
                notFound(exchange);
                return;
            }
            Map<String, Object> page = new HashMap<>(scope.get());
            page.put("canRetry", session.role().allows(Role.EDITOR) && Boolean.TRUE.equals(page.get("retryable")));
            page(exchange, 200, "desk/article", with(page, session, exchange));
            return;
        }
        switch (action) {
            case "segment" -> {
                String message;
                try {
                    message = service.correct(id, form.getOrDefault("language", "en"), form.getOrDefault("segment", ""),
                            form.getOrDefault("text", ""), session.user());
                } catch (IllegalArgumentException e) {
                    message = "Not saved: " + e.getMessage();
                }
                String anchor = form.getOrDefault("anchor", form.getOrDefault("segment", ""));
                flash(exchange, back + "#" + (anchor.matches("[a-z0-9-]{0,40}") ? anchor : ""), message);
            }
            case "approve" -> {
                ReviewDesk.Answer answer = service.approve(id, "yes".equals(form.get("despite-errors")), session.user());
                flash(exchange, answer.done() ? "/" : back, answer.message());
            }
            case "reject" -> {
                ReviewDesk.Answer answer = service.reject(id, form.get("reason"), !"engine".equals(form.get("to")), session.user());
                flash(exchange, answer.done() ? "/" : back, answer.message());
            }
            case "retry" -> {
                if (!allowed(exchange, session, Role.EDITOR)) return;
                flash(exchange, back, service.retry(id, session.user()).message());
            }
            default -> notFound(exchange);
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String user = form.getOrDefault("user", "").strip();
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        Optional<java.time.Instant> throttled = sessions.throttledUntil("user:" + user)
                .or(() -> sessions.throttledUntil("address:" + address));
        if (throttled.isPresent()) {
            LOG.warn("Desk: login for '{}' from {} refused, throttled until {}", user, address, throttled.get());
            page(exchange, 429, "desk/login", Map.of("error", "Too many wrong passwords. Try again after "
                    + throttled.get().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + ".", "user", user));
            return;
        }
        Optional<Accounts.User> account = accounts.verify(user, form.get("password"));
        if (account.isEmpty()) {
            sessions.failed("user:" + user);
            sessions.failed("address:" + address);
            LOG.warn("Desk: wrong user name or password for '{}' from {}", user, address);
            page(exchange, 401, "desk/login", Map.of("error", "Wrong user name or password.", "user", user));
            return;
        }
        sessions.succeeded("user:" + user);
        sessions.succeeded("address:" + address);
        Sessions.Session session = sessions.open(account.get().name(), account.get().role());
        LOG.info("Desk: {} ({}) logged in from {}", session.user(), session.role().label(), address);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
        redirect(exchange, "/");
    }

    private boolean allowed(HttpExchange exchange, Sessions.Session session, Role needed) throws IOException {
        if (session.role().allows(needed)) return true;
        LOG.warn("Desk: {} ({}) tried {} which needs the {} role", session.user(), session.role().label(),
                exchange.getRequestURI().getPath(), needed.label());
        page(exchange, 403, "desk/message", Map.of("title", "Forbidden",
                "message", "This needs the " + needed.label() + " role; you are " + session.role().label() + "."));
        return false;
    }

    private Map<String, Object> with(Map<String, Object> scope, Sessions.Session session, HttpExchange exchange) {
        scope.put("csrf", session.csrf());
        scope.put("user", session.user());
        scope.put("role", session.role().label());
        scope.put("editor", session.role().allows(Role.EDITOR));
        scope.put("admin", session.role().allows(Role.ADMIN));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("flash=")) scope.put("flash", decode(query.substring(6)));
        return scope;
    }

    /** Post/redirect/get: the outcome travels in the query string and is shown escaped on the next page. */
    private static void flash(HttpExchange exchange, String to, String message) throws IOException {
        int hash = to.indexOf('#');
        String path = hash < 0 ? to : to.substring(0, hash);
        String fragment = hash < 0 ? "" : to.substring(hash);
        redirect(exchange, path + "?flash=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + fragment);
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        page(exchange, 404, "desk/message", Map.of("title", "Not found", "message", "There is nothing here."));
    }

    private static void page(HttpExchange exchange, int status, String template, Map<String, ?> scope) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", Templates.render(template, scope));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) return null;
        for (String header : headers) {
            for (String part : header.split(";")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE)) return pair[1];
            }
        }
        return null;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) throw new IllegalArgumentException("form too large");
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) continue;
                String[] kv = pair.split("=", 2);
                form.putIfAbsent(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return form;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static Duration defaultIdle() {
        return Duration.ofHours(8);
    }
}
