package no.tolk.translate.xliff;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article revision an XLIFF file says it belongs to. Tolk records it three times (metadata,
 * the {@code original} attribute and the file id) because not every CAT tool keeps all of them.
 */
record ArticleRevision(String articleId, int revision) {

    static final String METADATA_CATEGORY = "tolk";
    static final String META_ARTICLE_ID = "article-id";
    static final String META_REVISION = "revision";

    private static final Pattern ORIGINAL = Pattern.compile("tolk/article/([^/]+)/revision/(\\d{1,9})");
    private static final Pattern FILE_ID = Pattern.compile("(.+)-r(\\d{1,9})");
    /** Returned files are untrusted: an id that could not have come from Tolk is treated as no id. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static String original(TranslationJob job) {
        return "tolk/article/" + job.articleId() + "/revision/" + job.revision();
    }

    static Optional<ArticleRevision> fromOriginal(String original) {
        return parse(original, ORIGINAL);
    }

    static Optional<ArticleRevision> fromFileId(String fileId) {
        return parse(fileId, FILE_ID);
    }

    static Optional<ArticleRevision> fromMetadata(String articleId, String revision) {
        if (articleId == null || !SAFE_ID.matcher(articleId.strip()).matches() || revision == null || !revision.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new ArticleRevision(articleId.strip(), Integer.parseInt(revision.strip())));
    }

    private static Optional<ArticleRevision> parse(String value, Pattern pattern) {
        if (value == null) return Optional.empty();
        Matcher matcher = pattern.matcher(value.strip());
        if (!matcher.matches() || !SAFE_ID.matcher(matcher.group(1)).matches()) return Optional.empty();
        return Optional.of(new ArticleRevision(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    @Override
    public String toString() {
        return "article " + articleId + " revision " + revision;
    }
}
