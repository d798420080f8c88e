package no.tolk.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A successful answer to a GET: the final URL after same-site redirects, the bytes (within the size limit),
 * and the validators for the next conditional GET. {@code notModified} means 304: no body.
 */
public record FetchedPage(String url, boolean notModified, byte[] body, String contentType, String etag, String lastModified) {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

    public static FetchedPage notModified(String url, String etag, String lastModified) {
        return new FetchedPage(url, true, new byte[0], null, etag, lastModified);
    }

    public boolean isHtml() {
        String type = mediaType();
        if (type.isEmpty()) return looksLikeHtml();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    public String mediaType() {
        if (contentType == null) return "";
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Starts like an HTML document rather than XML: the usual sign of a web page where a feed was expected. */
    public boolean looksLikeHtml() {
        String start = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff") || start.startsWith("ï»¿")) start = start.substring(start.startsWith("ï»¿") ? 3 : 1);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The page as text: the charset from Content-Type, else from a meta tag, else UTF-8. */
    public String text() {
        return new String(body, charset());
    }

    private Charset charset() {
        String declared = contentType == null ? null : find(contentType);
        if (declared == null) declared = find(new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1));
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String find(String text) {
        Matcher matcher = CHARSET.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
