package no.tolk.translate.xliff;

import java.util.List;
import java.util.Optional;

/** What an XLIFF 2 file holds, as far as Tolk cares: languages, the article revision it is for, and its units in order. */
record XliffContent(String sourceLanguage, String targetLanguage, ArticleRevision articleRevision, List<XliffUnit> units) {

    XliffContent {
        units = List.copyOf(units);
    }

    Optional<ArticleRevision> identity() {
        return Optional.ofNullable(articleRevision);
    }
}
