package no.tolk.translate.xliff;

import java.nio.file.Path;

/** A valid translated file waiting in translations/inbox: the article revision to resume, and the file. */
public record ReturnedTranslation(String articleId, int revision, String targetLanguage, Path file) {
}
