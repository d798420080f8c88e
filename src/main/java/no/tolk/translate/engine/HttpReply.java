package no.tolk.translate.engine;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One HTTP answer from a translation service: status, response headers (case-insensitive) and body text. */
public record HttpReply(int status, Map<String, String> headers, String body) {

    public HttpReply {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) copy.putAll(headers);
        headers = copy;
        body = body == null ? "" : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
