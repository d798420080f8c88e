package no.tolk.translate.xliff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One piece of human translation work: an article revision from one language into another.
 * Its parts end up in file names, so they are restricted to characters that are safe there.
 */
record TranslationJob(String articleId, int revision, String sourceLanguage, String targetLanguage) {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    TranslationJob {
        if (articleId == null || !SAFE_ID.matcher(articleId).matches()) {
            throw new IllegalArgumentException("article id '" + articleId
                    + "' cannot name an XLIFF file (letters, digits, '.', '_', '-' only)");
        }
        if (revision < 1) throw new IllegalArgumentException("article revision counts from 1, got " + revision);
        sourceLanguage = language(sourceLanguage, "source");
        targetLanguage = language(targetLanguage, "target");
    }

    private static String language(String code, String role) {
        String normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(normalized).matches()) {
            throw new IllegalArgumentException(role + " language '" + code + "' is not a language code such as nb or en");
        }
        return normalized;
    }

    /** The name of the request file in the outbox, e.g. {@code 3fa9c01b22-r2-nb-en.xlf}. */
    String fileName() {
        return fileStem() + "-" + sourceLanguage + "-" + targetLanguage + ".xlf";
    }

    /** What every file of this article revision starts with, whatever the languages. */
    String fileStem() {
        return articleId + "-r" + revision;
    }

    /** The {@code <file id>}; an article id is a valid NMTOKEN, so this is too. */
    String fileId() {
        return fileStem();
    }

    boolean isFor(ArticleRevision identity) {
        return identity.articleId().equals(articleId) && identity.revision() == revision;
    }

    String describe() {
        return "article " + articleId + " revision " + revision + " (" + sourceLanguage + " -> " + targetLanguage + ")";
    }
}
