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
 * Publishes through the WordPress REST API ({@code /wp-json/wp/v2/posts}, or {@code ?rest_route=} on sites with
 * plain permalinks). The external id is the post id. Every post Tolk writes carries its marker, an HTML comment
 * {@code <!-- tolk:article=<id> lang=<nb|nn|en> -->} at the start of the content (kept by WordPress for every role:
 * kses keeps comments). Without a stored id the post is first looked up by that marker, so a retry after a lost
 * answer updates the post it created, and a post of another article with the same slug is never taken over.
 */
public class WordPressPublisher implements CmsPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WordPressPublisher.class);
    private static final DateTimeFormatter SITE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final WordPressSettings settings;
    private final WordPressApi api;
    private final WordPressTerms terms;
    private final HttpClient http;
    private final Clock clock;
    private final java.util.concurrent.locks.ReentrantLock creating = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicBoolean credentialsChecked = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, Optional<Long>> authors = new java.util.concurrent.ConcurrentHashMap<>();

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
    public CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId) throws CmsException {
        String language = languageOf(article.language());
        List<Counterpart> counterpart = counterparts == null ? List.of() : counterparts;
        for (Counterpart other : counterpart) languageOf(other.language());
        if (article.title() == null || article.title().isBlank()) {
            throw new CmsRejectedException(0, "no_title", "article " + article.id() + " has no title");
        }
        if (credentialsChecked.compareAndSet(false, true)) checkCredentials();
        try {
            return publishChecked(article, language, counterpart, externalId);
        } catch (CmsRejectedException e) {
            // WordPress treats a wrong application password as an anonymous visitor: 401, 403, or a 400 "status forbidden"
            if (e.status() == 401 || e.status() == 403 || "rest_invalid_param".equals(e.code())) checkCredentials();
            throw e;
        }
    }

    /**
     * Asks WordPress who Tolk is ({@code GET /wp/v2/users/me?context=edit}); done before the first publication of the
     * process and after every 401/403.
     *
     * @throws CmsRejectedException "WordPress did not accept the user or application password" on 401/403
     */
    public void checkCredentials() throws CmsException {
        try {
            JsonNode me = api.get("users/me", Map.of("context", "edit"));
            LOG.debug("WordPress accepts user {} (id {})", settings.user(), me.path("id").asText());
        } catch (CmsRejectedException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new CmsRejectedException(e.status(), "credentials", "WordPress did not accept the user or application password"
                        + " (user '" + settings.user() + "' at " + settings.baseUrl() + "); check WORDPRESS_USER and"
                        + " WORDPRESS_APP_PASSWORD (wp-admin, Users, Profile, Application Passwords). WordPress said: " + e.getMessage());
            }
            LOG.debug("WordPress credentials could not be checked: {}", e.getMessage());
        }
    }

    private CmsReceipt publishChecked(Article article, String language, List<Counterpart> counterpart, String externalId) throws CmsException {
        String slug = Slug.of(article.title());
        Long storedId = postId(externalId);
        if (storedId != null) {
            try {
                // an update with a status would take the post out of the trash, where an editor put it: asked first then;
                // an update without one leaves the status as it is, and its answer says whether the post is in the trash
                if (settings.status().equals("publish")) {
                    String stored = api.get("posts/" + storedId, Map.of("context", "edit", "_fields", "id,status")).path("status").asText("");
                    if (stored.equals("trash")) throw trashed(article, language, storedId);
                }
                JsonNode updated = api.postJson("posts/" + storedId, Map.of(), post(article, language, counterpart, slug, storedId, false));
                if (updated.path("status").asText("").equals("trash")) throw trashed(article, language, storedId);
                return receipt(updated);
            } catch (CmsRejectedException e) {
                if (e.status() != 404) throw e;
                LOG.warn("WordPress post {} for article {} ({}) is gone; looking it up by Tolk's marker", storedId, article.id(), language);
            }
        }
        Optional<JsonNode> existing = lookUp(article.id(), language, counterpart);
        if (existing.isPresent()) {
            long id = existing.get().path("id").asLong();
            if (existing.get().path("status").asText("").equals("trash")) throw trashed(article, language, id);
            boolean needsImage = existing.get().path("featured_media").asLong(0) == 0;
            LOG.info("Article {} ({}) already in WordPress as post {}; updating it", article.id(), language, id);
            return receipt(api.postJson("posts/" + id, Map.of(), post(article, language, counterpart, slug, id, needsImage)));
        }
        JsonNode created;
        // WordPress makes a slug unique (wp_unique_post_slug) by looking at the posts already stored, so two posts
        // created at the same moment with one slug both keep it: creates go one at a time, updates stay parallel
        creating.lock();
        try {
            created = api.postJson("posts", Map.of(), post(article, language, counterpart, slug, null, true));
        } finally {
            creating.unlock();
        }
        LOG.info("Created WordPress post {} (slug {}) for article {} revision {} ({})", created.path("id").asText(),
                created.path("slug").asText(), article.id(), article.revision(), language);
        attachImage(created);
        return receipt(created);
    }

    @Override
    public CmsReceipt current(String externalId, String url) throws CmsException {
        Long id = postId(externalId);
        if (id == null) return new CmsReceipt(externalId, url);
        CmsReceipt receipt = receipt(api.get("posts/" + id, Map.of("context", "edit")));
        if (!receipt.publicAt(clock.instant()) || receipt.url() == null) return receipt;
        // WordPress calls it published; what counts is what a reader (or a link preview) following the link gets
        int answer = publicAnswer(receipt.url());
        if (answer >= 200 && answer < 300) return receipt;
        return new CmsReceipt(receipt.externalId(), receipt.url(), receipt.status(), null, "status " + receipt.status()
                + ", but its address " + receipt.url() + (answer < 0 ? " does not answer" : " answers " + answer)
                + " to the public; announced once it answers");
    }

    /** The HTTP status an anonymous reader gets at {@code address} (redirects followed), or -1 when it does not answer. */
    private int publicAnswer(String address) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                    .timeout(settings.requestTimeout()).header("User-Agent", "Tolk link check").GET().build();
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("The public address {} did not answer: {}", address, e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The refusal for a post an editor moved to the trash: Tolk neither restores it nor makes a new one; the article
     * fails with this plain reason until a person restores the post (or deletes it for good) and retries.
     */
    private CmsRejectedException trashed(Article article, String language, long postId) {
        LOG.warn("WordPress post {} of article {} ({}) is in the trash; left there", postId, article.id(), language);
        return new CmsRejectedException(0, "trashed", "the " + switch (language) {
                    case "nb" -> "Norwegian";
                    case "nn" -> "Nynorsk";
                    case "en" -> "English";
                    default -> language;
                } + " post (WordPress post " + postId + ") is in the WordPress trash: an editor removed it, so Tolk leaves it"
                + " there and makes no new one. To publish it again, restore it in wp-admin (Posts, Trash) and run 'tolk retry "
                + article.id() + "'");
    }

    /** The marker that proves a post belongs to this article and language. */
    static String marker(String articleId, String language) {
        return "tolk:article=" + articleId + " lang=" + language;
    }

    /** Attaches a freshly uploaded featured image to the post that first used it (the media library's "uploaded to"). */
    private void attachImage(JsonNode post) {
        long media = post.path("featured_media").asLong(0);
        if (media == 0) return;
        try {
            JsonNode attachment = api.get("media/" + media, Map.of("context", "edit"));
            if (attachment.path("post").asLong(0) == 0) {
                api.postJson("media/" + media, Map.of(), api.json().createObjectNode().put("post", post.path("id").asLong()));
            }
        } catch (CmsException e) {
            LOG.warn("Could not attach image {} to WordPress post {}: {}", media, post.path("id").asText(), e.getMessage());
        }
    }

    private ObjectNode post(Article article, String language, List<Counterpart> counterpart, String slug, Long id, boolean withImage)
            throws CmsException {
        ObjectNode post = api.json().createObjectNode();
        // WordPress stores titles and excerpts as HTML: plain text must be escaped to stay text
        post.put("title", BodyHtml.escape(article.title()));
        post.put("content", content(article, language, counterpart));
        if (article.lead() != null && !article.lead().isBlank()) post.put("excerpt", BodyHtml.escape(article.lead()));
        if (id == null) {
            post.put("slug", slug);
            post.put("status", settings.status());
            // date_gmt, not date: WordPress reads "date" in its own site time zone, which need not be Tolk's
            // (tolk.cms.wordpress.timezone); the instant is what both agree on, and WordPress derives its local date from it
            if (settings.status().equals("future")) post.put("date_gmt", nextGoLive());
            else articleDate(article).ifPresent(date -> post.put("date_gmt", date));
        } else if (settings.status().equals("publish")) {
            post.put("status", "publish");
        }
        author(article.author()).ifPresent(author -> post.put("author", author));
        // an empty list would wipe terms editors added by hand, so absent means "leave as is"
        if (!article.tags().isEmpty()) ids(post.putArray("tags"), terms.ids("tags", article.tags(), language));
        if (!settings.categories().isEmpty()) ids(post.putArray("categories"), terms.ids("categories", settings.categories(), language));
        if (withImage) {
            Optional<Long> image = counterpartImage(counterpart);
            if (image.isEmpty()) image = featuredImage(article);
            image.ifPresent(mediaId -> post.put("featured_media", mediaId));
        }
        if (settings.polylang()) {
            post.put("lang", language);
            // Polylang replaces the whole translation group: send every version published so far, and only when one is
            Map<String, Long> linked = new LinkedHashMap<>();
            for (Counterpart other : counterpart) {
                Long otherId = postId(other.externalId());
                String otherLanguage = Language.normalise(other.language());
                if (otherId != null && !otherLanguage.equals(language)) linked.put(otherLanguage, otherId);
            }
            if (!linked.isEmpty()) {
                ObjectNode translations = post.putObject("translations");
                if (id != null) translations.put(language, id);
                linked.forEach(translations::put);
            }
        }
        return post;
    }

    private String content(Article article, String language, List<Counterpart> counterparts) {
        StringBuilder html = new StringBuilder();
        for (Counterpart counterpart : settings.polylang() ? List.<Counterpart>of() : counterparts) {
            if (counterpart.url() == null) continue;
            String other = Language.normalise(counterpart.language());
            html.append("<p class=\"tolk-translation\"><a href=\"").append(BodyHtml.escape(counterpart.url()))
                    .append("\" hreflang=\"").append(other).append("\" lang=\"").append(other).append("\" rel=\"alternate\">")
                    .append(Language.readIn(other)).append("</a></p>\n");
        }
        // themes show the excerpt only in lists, not on the article page: the lead opens the content too
        if (article.lead() != null && !article.lead().isBlank()) {
            html.append("<p class=\"lead\"><strong>").append(BodyHtml.linkAddresses(BodyHtml.escape(article.lead()))).append("</strong></p>\n");
        }
        if (article.author() != null && !article.author().isBlank() && author(article.author()).isEmpty()) {
            // no WordPress user with this name: the theme would say "by <Tolk's user>", so the byline goes in the text
            html.append("<p class=\"byline\">").append(Language.norwegian(language) ? "Av " : "By ")
                    .append(BodyHtml.escape(article.author().strip())).append("</p>\n");
        }
        List<no.tolk.article.Block> blocks = article.blocks();
        Image credited = article.images().stream().findFirst()
                .filter(image -> image.credit() != null && !image.credit().isBlank()).orElse(null);
        if (credited != null) {
            // caption first, then credit (the figcaption convention); a caption the body already carries as a caption block
            // gets the credit after it there, so the credit is never printed above its caption
            String credit = (Language.norwegian(language) ? "Foto: " : "Photo: ") + credited.credit().strip();
            String caption = credited.caption() == null ? "" : credited.caption().strip();
            int inBody = caption.isEmpty() ? -1 : captionBlock(blocks, caption);
            boolean creditInBody = blocks.stream().anyMatch(block -> block.type() == no.tolk.article.BlockType.CAPTION
                    && block.text().contains(credited.credit().strip()));
            if (creditInBody) {
                LOG.debug("Article {}: the body's caption already names the credit", article.id());
            } else if (inBody >= 0) {
                blocks = new java.util.ArrayList<>(blocks);
                blocks.set(inBody, new no.tolk.article.Block(no.tolk.article.BlockType.CAPTION, caption + " " + credit));
            } else {
                html.append("<p class=\"caption\"><em>").append(BodyHtml.escape(caption.isEmpty() ? credit : caption + " " + credit))
                        .append("</em></p>\n");
            }
        }
        html.append(BodyHtml.renderWithLinks(blocks));
        // the marker goes in after sanitising, which drops comments; article ids and languages are [a-z0-9]
        return "<!-- " + marker(article.id(), language) + " -->\n" + PostHtml.sanitise(html.toString());
    }

    /** The index of the caption block holding this caption, or -1. */
    private static int captionBlock(List<no.tolk.article.Block> blocks, String caption) {
        for (int i = 0; i < blocks.size(); i++) {
            no.tolk.article.Block block = blocks.get(i);
            if (block.type() == no.tolk.article.BlockType.CAPTION && block.text().strip().equals(caption)) return i;
        }
        return -1;
    }

    /**
     * The article's own date as the post date, when it is a past day; else WordPress's now. Tolk's articles carry a day,
     * not a time of day: noon in Tolk's zone for the site, so the day is the same in every zone within 12 hours of it.
     */
    private Optional<String> articleDate(Article article) {
        if (article.published() == null) return Optional.empty();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(settings.siteZone()));
        if (!article.published().isBefore(today)) return Optional.empty();
        return Optional.of(gmt(article.published().atTime(12, 0)));
    }

    /**
     * The WordPress user whose display name is the byline, when WordPress lists one ({@code GET /users?search=};
     * an Editor sees the users who have published posts). Looked up once per name and process.
     */
    private Optional<Long> author(String byline) {
        if (byline == null || byline.isBlank()) return Optional.empty();
        String name = byline.strip();
        return authors.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key -> {
            String mapped = settings.authors().get(key);
            if (mapped != null) return mappedUser(name, mapped);
            try {
                for (JsonNode user : api.get("users", Map.of("search", name, "per_page", "20"))) {
                    String display = org.jsoup.parser.Parser.unescapeEntities(user.path("name").asText(), false);
                    if (display.equalsIgnoreCase(name) && user.path("id").canConvertToLong()) return Optional.of(user.path("id").asLong());
                }
            } catch (CmsException e) {
                LOG.debug("WordPress users could not be searched for '{}': {}", name, e.getMessage());
            }
            return Optional.empty();
        });
    }

    /**
     * The user {@code tolk.cms.wordpress.authors} names for a byline: an id as given; a login looked up as the user's slug
     * ({@code GET /users?slug=}; WordPress shows an Editor only users who have published posts, an Administrator all).
     */
    private Optional<Long> mappedUser(String byline, String user) {
        if (user.matches("\\d{1,18}")) return Optional.of(Long.parseLong(user));
        try {
            for (JsonNode found : api.get("users", Map.of("slug", user.toLowerCase(java.util.Locale.ROOT)))) {
                if (found.path("id").canConvertToLong()) return Optional.of(found.path("id").asLong());
            }
        } catch (CmsException e) {
            LOG.debug("WordPress users could not be searched for '{}': {}", user, e.getMessage());
        }
        LOG.warn("tolk.cms.wordpress.authors gives the WordPress user '{}' for the byline '{}', but WordPress does not show"
                + " that user to '{}' (an Editor sees only users with published posts): give the user's id (wp-admin, Users,"
                + " Edit: user_id in the address) instead. The byline goes in the text meanwhile", user, byline, settings.user());
        return Optional.empty();
    }

    /** The featured image of another language's post, so one article uploads its image once. */
    private Optional<Long> counterpartImage(List<Counterpart> counterparts) {
        Long id = counterparts.stream().map(counterpart -> postId(counterpart.externalId())).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        if (id == null || !settings.uploadImages()) return Optional.empty();
        try {
            long media = api.get("posts/" + id, Map.of("context", "edit", "_fields", "id,featured_media")).path("featured_media").asLong(0);
            return media == 0 ? Optional.empty() : Optional.of(media);
        } catch (CmsException e) {
            LOG.debug("The featured image of post {} could not be read: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The post carrying this article's marker for this language ({@code GET /posts?search="<marker>"&status=any
     * &context=edit}, then the raw content checked), never the counterpart's post; the oldest when several carry it.
     */
    private Optional<JsonNode> lookUp(String articleId, String language, List<Counterpart> counterparts) throws CmsException {
        String marker = marker(articleId, language);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", "\"" + marker + "\"");
        // "any" leaves out the trash, where an editor may have put the post: it must be found there too, not made again
        query.put("status", "publish,future,draft,pending,private,trash");
        query.put("context", "edit");
        query.put("orderby", "id");
        query.put("order", "asc");
        query.put("per_page", "20");
        if (settings.polylang()) query.put("lang", language);
        java.util.Set<Long> counterpartIds = new java.util.HashSet<>();
        counterparts.forEach(counterpart -> java.util.Optional.ofNullable(postId(counterpart.externalId())).ifPresent(counterpartIds::add));
        for (JsonNode candidate : api.get("posts", query)) {
            if (!candidate.path("content").path("raw").asText("").contains("<!-- " + marker + " -->")) continue;
            if (counterpartIds.contains(candidate.path("id").asLong())) continue;
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
        return gmt(at);
    }

    /** A time in Tolk's zone for the site ({@code tolk.cms.wordpress.timezone}) as WordPress's {@code date_gmt} (UTC, no offset). */
    private String gmt(LocalDateTime local) {
        return local.atZone(settings.siteZone()).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().format(SITE_DATE);
    }

    private static CmsReceipt receipt(JsonNode post) throws CmsException {
        String id = post.path("id").asText("");
        if (id.isBlank() || !post.path("id").canConvertToLong()) {
            throw new CmsUnavailableException("WordPress answered without a post id");
        }
        String status = post.path("status").asText("publish");
        java.time.Instant publicFrom = switch (status) {
            case "publish" -> java.time.Instant.EPOCH;
            case "future" -> goLive(post.path("date_gmt").asText(null));
            default -> null;
        };
        return new CmsReceipt(id, post.path("link").asText(null), status, publicFrom);
    }

    private static java.time.Instant goLive(String dateGmt) {
        if (dateGmt == null || dateGmt.isBlank()) return null;
        try {
            return LocalDateTime.parse(dateGmt).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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
