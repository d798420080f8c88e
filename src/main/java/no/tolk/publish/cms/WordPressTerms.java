package no.tolk.publish.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.parser.Parser;

/**
 * Turns tag and category names into WordPress term ids: searched by name, created when missing.
 * Ids are remembered for the life of the process, since terms are rarely renamed.
 */
class WordPressTerms {

    private final WordPressApi api;
    private final boolean polylang;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    WordPressTerms(WordPressApi api, boolean polylang) {
        this.api = api;
        this.polylang = polylang;
    }

    /** @param taxonomy {@code tags} or {@code categories} */
    List<Long> ids(String taxonomy, List<String> names, String language) throws CmsException {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) continue;
            // WordPress strips markup from term names (kses) and answers 500 empty_term_name when nothing is left,
            // which would fail the whole article on every retry: such a tag is dropped, the rest is published
            if (org.jsoup.Jsoup.clean(name, org.jsoup.safety.Safelist.none()).isBlank()) {
                org.slf4j.LoggerFactory.getLogger(WordPressTerms.class).warn("Tag or category '{}' has no text once its markup is removed; not sent to WordPress", name);
                continue;
            }
            long id = id(taxonomy, name.strip(), language);
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    private long id(String taxonomy, String name, String language) throws CmsException {
        String key = taxonomy + "|" + (polylang ? language : "") + "|" + name.toLowerCase(Locale.ROOT);
        Long cached = known.get(key);
        if (cached != null) return cached;
        long id = find(taxonomy, name, language).orElse(-1L);
        if (id < 0) id = create(taxonomy, name, language);
        known.put(key, id);
        return id;
    }

    private java.util.Optional<Long> find(String taxonomy, String name, String language) throws CmsException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", name);
        query.put("per_page", "100");
        if (polylang) query.put("lang", language);
        JsonNode found = api.get(taxonomy, query);
        for (JsonNode term : found) {
            // WordPress returns term names HTML-escaped ("Fish &amp; Chips")
            String termName = Parser.unescapeEntities(term.path("name").asText(), false);
            if (termName.equalsIgnoreCase(name) && term.path("id").canConvertToLong()) {
                return java.util.Optional.of(term.path("id").asLong());
            }
        }
        return java.util.Optional.empty();
    }

    private long create(String taxonomy, String name, String language) throws CmsException {
        ObjectNode body = api.json().createObjectNode().put("name", name);
        if (polylang) body.put("lang", language);
        try {
            JsonNode created = api.postJson(taxonomy, Map.of(), body);
            return created.path("id").asLong();
        } catch (CmsRejectedException e) {
            // the term exists (created meanwhile, or its stored name differs from the searched one, e.g. "mat &amp; drikke"
            // for "mat & drikke", which the search does not match): WordPress answers 400 term_exists with its term_id
            if ("term_exists".equals(e.code()) && e.data().path("term_id").canConvertToLong() && e.data().path("term_id").asLong() > 0) {
                return e.data().path("term_id").asLong();
            }
            if ("term_exists".equals(e.code())) {
                JsonNode lookup = api.get(taxonomy, Map.of("search", name, "per_page", "100"));
                for (JsonNode term : lookup) {
                    if (Parser.unescapeEntities(term.path("name").asText(), false).equalsIgnoreCase(name)) return term.path("id").asLong();
                }
            }
            throw e;
        }
    }
}
