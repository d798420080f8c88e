package no.tolk.publish.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import no.tolk.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes into a Hugo-compatible multilingual site on disk: {@code content/<lang>/<slug>.md}
 * for Hugo and {@code preview/<lang>/<slug>.html} for a person with a browser. The external id
 * is {@code <lang>/<slug>}; the first slug an article gets is kept for all its revisions.
 */
public class StaticSitePublisher implements CmsPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StaticSitePublisher.class);
    private static final int FRONT_MATTER_LINES = 200;

    private final Path siteDir;
    private final Path contentDir;
    private final Path previewDir;
    private final String baseUrl;
    private final Set<String> warnedLanguages = ConcurrentHashMap.newKeySet();

    /**
     * @param contentDir the folder holding one folder per language ({@code nb/}, {@code nn/}, {@code en/}); usually {@code <siteDir>/content}
     * @param baseUrl the public address of the built site, or blank to report the preview file instead
     */
    public StaticSitePublisher(Path siteDir, Path contentDir, String baseUrl) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.previewDir = this.siteDir.resolve("preview");
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return "static";
    }

    public Path siteDir() {
        return siteDir;
    }

    @Override
    public synchronized CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId) throws CmsException {
        String language = languageOf(article.language());
        List<Counterpart> others = counterparts == null ? List.of() : counterparts;
        for (Counterpart counterpart : others) languageOf(counterpart.language());
        if (article.id() == null || article.id().isBlank()) throw new CmsRejectedException(0, "no_id", "article has no id");
        if (article.title() == null || article.title().isBlank()) {
            throw new CmsRejectedException(0, "no_title", "article " + article.id() + " has no title");
        }
        try {
            HugoSite.installMissing(siteDir);
            warnWhenHugoLacks(language);
            String slug = slugFor(article, language, externalId);
            writeAtomically(contentDir.resolve(language).resolve(slug + ".md"), HugoContent.render(article, slug));

            String selfHref = slug + ".html";
            Map<String, String> alternates = new LinkedHashMap<>();
            for (Counterpart counterpart : others) {
                String otherLanguage = Language.normalise(counterpart.language());
                if (otherLanguage.equals(language)) continue;
                alternates.put(otherLanguage, "../" + otherLanguage + "/" + counterpartSlug(article.id(), otherLanguage, counterpart) + ".html");
            }
            Path preview = previewDir.resolve(language).resolve(slug + ".html");
            writeAtomically(preview, PreviewPage.render(article, language, selfHref, alternates));
            LOG.info("Published article {} revision {} ({}) to the static site as {}", article.id(), article.revision(), language, slug);
            String url = baseUrl.isEmpty() ? preview.toUri().toString() : baseUrl + "/" + language + "/" + slug + "/";
            return new CmsReceipt(language + "/" + slug, url);
        } catch (IOException | UncheckedIOException e) {
            throw new CmsUnavailableException("cannot write the static site under " + siteDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A site whose {@code hugo.toml} was written before a language was published (Tolk never rewrites it) does not
     * build that language's section: say so once per language, with the lines to add.
     */
    private void warnWhenHugoLacks(String language) throws IOException {
        if (!warnedLanguages.add(language)) return;
        Path config = siteDir.resolve("hugo.toml");
        if (!Files.isRegularFile(config)) return;
        if (Files.readString(config, StandardCharsets.UTF_8).contains("[languages." + language + "]")) return;
        LOG.warn("{} names no language '{}': Hugo leaves content/{}/ out of the built site until it has a [languages.{}]"
                + " table with contentDir = \"content/{}\" (see the one Tolk writes for a new site)", config, language,
                language, language, language);
    }

    private static String languageOf(String code) throws CmsRejectedException {
        try {
            return Language.normalise(code);
        } catch (IllegalArgumentException e) {
            throw new CmsRejectedException(0, "bad_language", e.getMessage());
        }
    }

    private String slugFor(Article article, String language, String externalId) throws IOException {
        Optional<String> stored = slugFromExternalId(externalId, language);
        if (stored.isPresent()) return stored.get();
        Optional<String> existing = findSlug(language, article.id());
        if (existing.isPresent()) return existing.get();
        String base = Slug.of(article.title());
        String candidate = base;
        for (int n = 2; Files.exists(contentDir.resolve(language).resolve(candidate + ".md")); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private String counterpartSlug(String articleId, String language, Counterpart counterpart) throws IOException {
        Optional<String> stored = slugFromExternalId(counterpart.externalId(), language);
        if (stored.isPresent()) return stored.get();
        // not published yet: predict the slug its first publication will get
        return findSlug(language, articleId).orElseGet(() -> Slug.of(counterpart.title()));
    }

    private static Optional<String> slugFromExternalId(String externalId, String language) {
        if (externalId == null) return Optional.empty();
        String prefix = language + "/";
        if (!externalId.startsWith(prefix)) return Optional.empty();
        String slug = externalId.substring(prefix.length());
        return Slug.isValid(slug) ? Optional.of(slug) : Optional.empty();
    }

    /** Finds the content file whose front matter carries this article's translationKey. */
    Optional<String> findSlug(String language, String articleId) throws IOException {
        Path folder = contentDir.resolve(language);
        if (!Files.isDirectory(folder)) return Optional.empty();
        String wanted = HugoContent.translationKeyLine(articleId);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted()::iterator) {
                if (frontMatterContains(file, wanted)) {
                    String name = file.getFileName().toString();
                    return Optional.of(name.substring(0, name.length() - 3));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean frontMatterContains(Path file, String line) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || !first.strip().equals("---")) return false;
            String current;
            for (int i = 0; i < FRONT_MATTER_LINES && (current = reader.readLine()) != null; i++) {
                if (current.strip().equals("---")) return false;
                if (current.strip().equals(line)) return true;
            }
            return false;
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
