package no.tolk.review;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates from {@code src/main/resources/templates/} (logic-less; {@code {{x}}} is HTML-escaped,
 * triple braces are never used for user text). Each template is compiled once and cached.
 */
public final class Templates {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates");
    private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** Renders {@code templates/<name>.mustache} with the given scope (a map or a bean with public accessors). */
    public static String render(String name, Object scope) {
        Mustache template = COMPILED.computeIfAbsent(name, n -> FACTORY.compile(n + ".mustache"));
        StringWriter out = new StringWriter(8192);
        try {
            template.execute(out, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
