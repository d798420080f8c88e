package no.tolk.translate.xliff;

/**
 * One {@code <unit>} as read from a file: its source and target text (all segments of the unit
 * joined, so a CAT tool may split a unit into sentences), how many segments it has, how many of
 * them have no translation and how many are still in state {@code initial}.
 */
record XliffUnit(String id, TaggedText source, TaggedText target, int segments, int untranslated, int unconfirmed) {
}
