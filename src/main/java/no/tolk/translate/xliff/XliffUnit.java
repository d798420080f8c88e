package no.tolk.translate.xliff;

import java.util.List;

/**
 * One unit as read from a file: its source and target text (all segments of the unit joined, so a
 * CAT tool may split a unit into sentences), how many segments it has, how many of them have no
 * translation, how many the tool marked as not done, and the notes or comments a translator added.
 */
record XliffUnit(String id, TaggedText source, TaggedText target, int segments, int untranslated, int unconfirmed,
                 List<String> notes) {

    XliffUnit {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    XliffUnit(String id, TaggedText source, TaggedText target, int segments, int untranslated, int unconfirmed) {
        this(id, source, target, segments, untranslated, unconfirmed, List.of());
    }
}
