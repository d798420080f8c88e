package no.tolk.ingest;

import no.tolk.article.Received;
import no.tolk.store.ContentRecord;

/** A received file and, when these exact bytes came before, what became of them then. */
public record Intake(Received received, ContentRecord alreadyKnown) {

    public boolean duplicate() {
        return alreadyKnown != null;
    }
}
