package no.tolk.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.article.Received;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionException;
import no.tolk.ingest.feed.FeedFailure.Kind;
import no.tolk.store.ArticleStore;
import no.tolk.store.ContentRecord;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed item into the store, the way a dropped html file goes: the full text from {@code content:encoded}
 * or else the linked page, an archived copy, the same extractor, the feed's metadata where the page has none,
 * and a language check before anything may go on to translation.
 */
public class FeedItemImporter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedItemImporter.class);
    private static final Pattern HAS_TITLE = Pattern.compile("(?i)<title[\\s>]");

    private final FeedLedger ledger;
    private final ArticleStore store;
    private final ArticleExtractor extractor;
    private final PageFetcher fetcher;
    private final Path archive;
    private final Set<String> sourceLanguages;
    private final Clock clock;

    public FeedItemImporter(FeedLedger ledger, ArticleStore store, ArticleExtractor extractor, PageFetcher fetcher,
                            Path archive, Set<String> sourceLanguages, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.extractor = extractor;
        this.fetcher = fetcher;
        this.archive = archive;
        this.sourceLanguages = sourceLanguages;
        this.clock = clock;
    }

    /** The article this item became (new or revised), if any, and what happened. */
    public record Imported(ItemOutcome outcome, Article article, String reason) {
    }

    public Imported importItem(FeedItem item) {
        Optional<SeenItem> seen = ledger.findItem(item.key());
        String fingerprint = item.fingerprint();
        if (seen.isPresent() && seen.get().fingerprint().equals(fingerprint)
                && !seen.get().outcome().equals(ItemOutcome.FAILED.name())) {
            return new Imported(ItemOutcome.UNCHANGED, null, null);
        }
        String previousArticle = seen.map(SeenItem::articleId).orElse(null);
        String html;
        String baseUri = item.link();
        try {
            if (item.hasContent()) {
                html = document(item);
            } else {
                FetchedPage page = fetcher.fetch(item.link(), PageFetcher.PAGE_ACCEPT);
                if (!page.isHtml()) throw new FeedFailure(Kind.UNSUPPORTED, page.mediaType() + " at " + page.url());
                html = withTitle(page.text(), item.title());
                baseUri = page.url();
            }
        } catch (FeedFailure failure) {
            ItemOutcome outcome = failure.isTransient() ? ItemOutcome.FAILED : ItemOutcome.REJECTED;
            LOG.warn("Feed item {} from {} not imported: {}{}", item.link(), item.feedUrl(), failure.getMessage(),
                    outcome == ItemOutcome.FAILED ? "; trying again on the next poll" : "");
            record(item, fingerprint, seen.map(SeenItem::contentHash).orElse(null), previousArticle, outcome, failure.getMessage());
            return new Imported(outcome, null, failure.getMessage());
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        String hash = ContentHash.of(bytes);
        Optional<ContentRecord> known = store.findContent(hash);
        if (known.isPresent()) {
            record(item, fingerprint, hash, known.get().articleId(), ItemOutcome.UNCHANGED, null);
            return new Imported(ItemOutcome.UNCHANGED, null, null);
        }
        Received received = new Received(sourceName(item), item.key(), hash, archiveCopy(bytes, hash, item));
        Article article;
        try {
            article = fillFromFeed(extractor.extractHtml(html, received.sourceName(), baseUri), item);
        } catch (ExtractionException e) {
            ContentRecord record = store.saveQuarantined(received, e.getMessage());
            LOG.warn("Feed item {} cannot become an article: {}; recorded as article {}", item.link(), e.getMessage(), record.articleId());
            record(item, fingerprint, hash, record.articleId(), ItemOutcome.REJECTED, e.getMessage());
            return new Imported(ItemOutcome.REJECTED, null, e.getMessage());
        }
        if (!sourceLanguages.contains(article.language())) {
            String reason = "language " + article.language() + " is not a source language " + sourceLanguages;
            ContentRecord record = store.saveSkipped(received, article, reason);
            LOG.info("Feed item {} skipped as article {}: {}", item.link(), record.articleId(), reason);
            record(item, fingerprint, hash, record.articleId(), ItemOutcome.SKIPPED, reason);
            return new Imported(ItemOutcome.SKIPPED, null, reason);
        }
        if (previousArticle != null && store.findArticle(previousArticle).map(stored -> sameText(stored, article)).orElse(false)) {
            // the page around the article changed (a new ad, a new "most read" list), the article did not
            record(item, fingerprint, hash, previousArticle, ItemOutcome.UNCHANGED, null);
            return new Imported(ItemOutcome.UNCHANGED, null, null);
        }
        Article stored = store.saveExtracted(received, article);
        ItemOutcome outcome = stored.revision() == 1 ? ItemOutcome.NEW : ItemOutcome.REVISED;
        record(item, fingerprint, hash, stored.id(), outcome, null);
        LOG.info("Article {} revision {} from feed item {}: {} ({}, {} blocks)", stored.id(), stored.revision(),
                item.link(), stored.title(), stored.language(), stored.blocks().size());
        return new Imported(outcome, stored, null);
    }

    /** The item's full text as a small page, so it is read exactly like a dropped html file. */
    static String document(FeedItem item) {
        String title = item.title() == null ? "" : Entities.escape(item.title());
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n<body><article>\n"
                + (title.isEmpty() ? "" : "<h1>" + title + "</h1>\n") + item.content() + "\n</article></body></html>\n";
    }

    /** A page without a title of its own gets the item's title, so the extractor has one. */
    static String withTitle(String html, String title) {
        if (title == null || HAS_TITLE.matcher(html).find()) return html;
        return "<title>" + Entities.escape(title) + "</title>\n" + html;
    }

    private Article fillFromFeed(Article article, FeedItem item) {
        return new Article(article.id(), article.revision(), article.sourceFile(), article.language(),
                article.title() != null ? article.title() : item.title(),
                article.lead(),
                article.author() != null ? article.author() : item.author(),
                article.published() != null ? article.published() : date(item.published()),
                article.revised() != null ? article.revised() : revisedDate(item),
                article.images(),
                article.tags().isEmpty() ? item.categories() : article.tags(),
                article.blocks());
    }

    private LocalDate revisedDate(FeedItem item) {
        if (item.updated() == null || (item.published() != null && !item.updated().isAfter(item.published()))) return null;
        return date(item.updated());
    }

    private LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toLocalDate();
    }

    private static boolean sameText(Article stored, Article fresh) {
        return stored.fullText().equals(fresh.fullText()) && stored.tags().equals(fresh.tags())
                && java.util.Objects.equals(stored.author(), fresh.author());
    }

    private static String sourceName(FeedItem item) {
        return item.link() != null ? item.link() : item.key();
    }

    private void record(FeedItem item, String fingerprint, String hash, String articleId, ItemOutcome outcome, String reason) {
        ledger.saveItem(new SeenItem(item.key(), item.feedUrl(), item.link(), fingerprint, hash, articleId,
                outcome.name(), reason), clock.instant());
    }

    private Path archiveCopy(byte[] bytes, String hash, FeedItem item) {
        Path folder = archive.resolve(YearMonth.now(clock).toString());
        Path target = folder.resolve(hash.substring(0, 12) + "-" + slug(item) + ".html");
        try {
            if (Files.exists(target)) return target;
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + target.getFileName() + ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive feed item " + item.link() + ": " + e.getMessage(), e);
        }
    }

    private static String slug(FeedItem item) {
        String source = item.link() != null ? item.link().replaceFirst("/+$", "") : item.key();
        String last = source.substring(source.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String slug = last.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "item" : slug.substring(0, Math.min(slug.length(), 60));
    }
}
