package no.tolk.publish.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.article.Article;
import no.tolk.article.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes through the WordPress REST API ({@code /wp-json/wp/v2/posts}). The external id is the
 * post id. Without a stored id the post is first looked up by slug, so a retry after a lost answer
 * updates the post it created instead of making a second one.
 */
public class WordPressPublisher implements CmsPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WordPressPublisher.class);
    private static final DateTimeFormatter SITE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final WordPressSettings settings;
    private final WordPressApi api;
    private final WordPressTerms terms;
    private final HttpClient http;
    private final Clock clock;

    public WordPressPublisher(WordPressSettings settings, Clock clock) {
        this(settings, HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), clock);
    }

    WordPressPublisher(WordPressSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.api = new WordPressApi(settings, http, clock);
        this.terms = new WordPressTerms(api, settings.polylang());
    }

    @Override
    public String name() {
        return "wordpress";
    }

    @Override
    public CmsReceipt publish(Article article, Counterpart counterpart, String externalId) throws CmsException {
        String language = languageOf(article.language());
        if (counterpart != null) languageOf(counterpart.language());
        if (article.title() == null || article.title().isBlank()) {
            throw new CmsRejectedException(0, "no_title", "article " + article.id() + " has no title");
        }
        String slug = Slug.of(article.title());
        Long storedId = postId(externalId);
        if (storedId != null) {
            try {
                return receipt(api.postJson("posts/" + storedId, Map.of(), post(article, language, counterpart, slug, storedId, false)));
            } catch (CmsRejectedException e) {
                if (e.status() != 404) throw e;
                LOG.warn("WordPress post {} for article {} ({}) is gone; looking it up by slug", storedId, article.id(), language);
            }
        }
        Optional<JsonNode> existing = lookUp(slug, language, counterpart);
        if (existing.isPresent()) {
            long id = existing.get().path("id").asLong();
            boolean needsImage = existing.get().path("featured_media").asLong(0) == 0;
            LOG.info("Article {} ({}) already in WordPress as post {}; updating it", article.id(), language, id);
            return receipt(api.postJson("posts/" + id, Map.of(), post(article, language, counterpart, slug, id, needsImage)));
        }
        JsonNode created = api.postJson("posts", Map.of(), post(article, language, counterpart, slug, null, true));
        LOG.info("Created WordPress post {} for article {} revision {} ({})", created.path("id").asText(), article.id(), article.revision(), language);
        return receipt(created);
    }

    private ObjectNode post(Article article, String language, Counterpart counterpart, String slug, Long id, boolean withImage)
            throws CmsException {
        ObjectNode post = api.json().createObjectNode();
        // WordPress stores titles and excerpts as HTML: plain text must be escaped to stay text
        post.put("title", BodyHtml.escape(article.title()));
        post.put("content", content(article, language, counterpart));
        if (article.lead() != null && !article.lead().isBlank()) post.put("excerpt", BodyHtml.escape(article.lead()));
        if (id == null) {
            post.put("slug", slug);
            post.put("status", settings.status());
            if (settings.status().equals("future")) post.put("date", nextGoLive());
        } else if (settings.status().equals("publish")) {
            post.put("status", "publish");
        }
        // an empty list would wipe terms editors added by hand, so absent means "leave as is"
        if (!article.tags().isEmpty()) ids(post.putArray("tags"), terms.ids("tags", article.tags(), language));
        if (!settings.categories().isEmpty()) ids(post.putArray("categories"), terms.ids("categories", settings.categories(), language));
        if (withImage) featuredImage(article).ifPresent(mediaId -> post.put("featured_media", mediaId));
        if (settings.polylang()) {
            post.put("lang", language);
            Long counterpartId = counterpart == null ? null : postId(counterpart.externalId());
            // Polylang replaces the whole translation group, so send it only when the pair is known
            if (counterpartId != null) {
                ObjectNode translations = post.putObject("translations");
                if (id != null) translations.put(language, id);
                translations.put(Language.normalise(counterpart.language()), counterpartId);
            }
        }
        return post;
    }

    private String content(Article article, String language, Counterpart counterpart) {
        StringBuilder html = new StringBuilder();
        if (!settings.polylang() && counterpart != null && counterpart.url() != null) {
            String other = Language.normalise(counterpart.language());
            html.append("<p class=\"tolk-translation\"><a href=\"").append(BodyHtml.escape(counterpart.url()))
                    .append("\" hreflang=\"").append(other).append("\" lang=\"").append(other).append("\" rel=\"alternate\">")
                    .append(other.equals("en") ? "Read in English" : "Les på norsk").append("</a></p>\n");
        }
        article.images().stream().findFirst()
                .filter(image -> image.credit() != null && !image.credit().isBlank())
                .ifPresent(image -> html.append("<p class=\"caption\"><em>")
                        .append(BodyHtml.escape(image.caption() == null ? "" : image.caption() + " "))
                        .append(language.equals("nb") ? "Foto: " : "Photo: ").append(BodyHtml.escape(image.credit()))
                        .append("</em></p>\n"));
        html.append(BodyHtml.render(article.blocks()));
        return PostHtml.sanitise(html.toString());
    }

    private Optional<JsonNode> lookUp(String slug, String language, Counterpart counterpart) throws CmsException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("slug", slug);
        query.put("status", "any");
        if (settings.polylang()) query.put("lang", language);
        Long counterpartId = counterpart == null ? null : postId(counterpart.externalId());
        for (JsonNode candidate : api.get("posts", query)) {
            if (!slug.equals(candidate.path("slug").asText())) continue;
            // a translation can share the slug; never take over the other language's post
            if (counterpartId != null && candidate.path("id").asLong() == counterpartId) continue;
            if (candidate.hasNonNull("lang") && !language.equals(candidate.path("lang").asText())) continue;
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private Optional<Long> featuredImage(Article article) throws CmsException {
        if (!settings.uploadImages()) return Optional.empty();
        Optional<Image> image = article.images().stream().filter(i -> i.source() != null && !i.source().isBlank()).findFirst();
        if (image.isEmpty()) return Optional.empty();
        Optional<ImageFile> file;
        try {
            file = ImageFile.load(image.get().source(), settings.imageDir(), settings.maxImageBytes(), http, settings.requestTimeout());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Article {}: image {} not usable, publishing without it: {}", article.id(), image.get().source(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CmsUnavailableException("interrupted while fetching the article image", e);
        }
        if (file.isEmpty()) {
            LOG.warn("Article {}: image {} is not a readable image within limits; publishing without it", article.id(), image.get().source());
            return Optional.empty();
        }
        JsonNode media;
        try {
            media = api.upload(file.get().fileName(), file.get().contentType(), file.get().bytes());
        } catch (CmsRejectedException e) {
            if (e.status() == 401 || e.status() == 403) throw e;
            LOG.warn("Article {}: WordPress refused the image, publishing without it: {}", article.id(), e.getMessage());
            return Optional.empty();
        }
        long mediaId = media.path("id").asLong();
        ObjectNode details = api.json().createObjectNode();
        if (image.get().alt() != null) details.put("alt_text", image.get().alt());
        if (image.get().caption() != null) details.put("caption", BodyHtml.escape(image.get().caption()));
        if (!details.isEmpty()) api.postJson("media/" + mediaId, Map.of(), details);
        return Optional.of(mediaId);
    }

    private String nextGoLive() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.siteZone()));
        LocalDateTime today = now.toLocalDate().atTime(settings.futureTime());
        LocalDateTime at = today.isAfter(now.toLocalDateTime()) ? today : today.plusDays(1);
        return at.format(SITE_DATE);
    }

    private static CmsReceipt receipt(JsonNode post) throws CmsException {
        String id = post.path("id").asText("");
        if (id.isBlank() || !post.path("id").canConvertToLong()) {
            throw new CmsUnavailableException("WordPress answered without a post id");
        }
        return new CmsReceipt(id, post.path("link").asText(null));
    }

    private static void ids(ArrayNode array, List<Long> ids) {
        ids.forEach(array::add);
    }

    private static Long postId(String externalId) {
        if (externalId == null || !externalId.strip().matches("\\d{1,18}")) return null;
        return Long.parseLong(externalId.strip());
    }

    private static String languageOf(String code) throws CmsRejectedException {
        try {
            return Language.normalise(code);
        } catch (IllegalArgumentException e) {
            throw new CmsRejectedException(0, "bad_language", e.getMessage());
        }
    }
}
