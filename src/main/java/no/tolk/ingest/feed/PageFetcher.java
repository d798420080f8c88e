package no.tolk.ingest.feed;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import no.tolk.ingest.feed.FeedFailure.Kind;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * GET over Camel HTTP with the feed client (timeouts, size limit, User-Agent): conditional when validators
 * are given, redirects followed here rather than by HttpClient so that they stay on the same site.
 */
public class PageFetcher {

    public static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    public static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final ProducerTemplate template;
    private final String endpointUri;

    /** @param endpointUri a Camel HTTP endpoint with {@code throwExceptionOnFailure=false}; the URL is set per request */
    public PageFetcher(ProducerTemplate template, String endpointUri) {
        this.template = template;
        this.endpointUri = endpointUri;
    }

    public FetchedPage fetch(String url, String accept) throws FeedFailure {
        return fetch(url, accept, null, null);
    }

    public FetchedPage fetch(String url, String accept, String etag, String lastModified) throws FeedFailure {
        URI start = parse(url);
        URI current = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI target = current;
            Exchange exchange = template.send(endpointUri, request -> {
                Message in = request.getIn();
                in.setHeader(Exchange.HTTP_URI, target.toString());
                in.setHeader(Exchange.HTTP_METHOD, "GET");
                in.setHeader("Accept", accept);
                in.setHeader("Accept-Encoding", "gzip");
                if (etag != null) in.setHeader("If-None-Match", etag);
                if (lastModified != null) in.setHeader("If-Modified-Since", lastModified);
            });
            if (exchange.getException() != null) throw classify(exchange.getException(), target);
            Message out = exchange.getMessage();
            int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            if (REDIRECTS.contains(status)) {
                current = redirectTarget(start, target, out.getHeader("Location", String.class));
                continue;
            }
            String newEtag = out.getHeader("ETag", String.class);
            String newLastModified = out.getHeader("Last-Modified", String.class);
            if (status == 304) return FetchedPage.notModified(target.toString(), etag, lastModified);
            if (status < 200 || status > 299) {
                throw FeedFailure.httpStatus(status, "from " + target, retryAfter(out.getHeader("Retry-After", String.class)));
            }
            byte[] body = out.getBody(byte[].class);
            return new FetchedPage(target.toString(), false, body == null ? new byte[0] : body,
                    out.getHeader(Exchange.CONTENT_TYPE, String.class), newEtag, newLastModified);
        }
        throw new FeedFailure(Kind.HTTP_STATUS, "more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private static URI redirectTarget(URI start, URI from, String location) throws FeedFailure {
        if (location == null || location.isBlank()) {
            throw new FeedFailure(Kind.HTTP_STATUS, "redirect without Location from " + from);
        }
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedFailure(Kind.HTTP_STATUS, "unusable redirect Location from " + from);
        }
        if (!sameSite(start, next)) {
            throw new FeedFailure(Kind.OFF_SITE_REDIRECT, from + " redirects to " + next.getHost());
        }
        return next;
    }

    /** Same host, allowing for a leading "www." and a move from http to https. */
    static boolean sameSite(URI a, URI b) {
        if (a.getHost() == null || b.getHost() == null) return false;
        String scheme = b.getScheme() == null ? "" : b.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return false;
        return site(a).equals(site(b));
    }

    private static String site(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return (host.startsWith("www.") ? host.substring(4) : host) + ":" + effectivePort(uri);
    }

    private static int effectivePort(URI uri) {
        // a default port is the same site whichever scheme; only explicit ports (like a test server's) must match
        return uri.getPort() == 80 || uri.getPort() == 443 ? -1 : uri.getPort();
    }

    private static URI parse(String url) throws FeedFailure {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) throw new IllegalArgumentException("no host");
            return uri;
        } catch (IllegalArgumentException e) {
            throw new FeedFailure(Kind.UNREACHABLE, "not a usable URL: " + url);
        }
    }

    static FeedFailure classify(Exception exception, URI target) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseSizeLimit.TooLargeException tooLarge) {
                return new FeedFailure(Kind.TOO_LARGE, target + ": " + tooLarge.getMessage(), null, exception);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new FeedFailure(Kind.UNREACHABLE, target.getHost() + ": " + cause.getClass().getSimpleName(), null, exception);
            }
            if (cause instanceof InterruptedIOException) {
                return new FeedFailure(Kind.TIMEOUT, target.toString(), null, exception);
            }
        }
        String detail = exception instanceof IOException ? exception.getClass().getSimpleName() : exception.toString();
        return new FeedFailure(Kind.UNREACHABLE, target + ": " + detail, null, exception);
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
