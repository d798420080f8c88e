package no.tolk.extract;

/** A block as a reader found it, before the assembler decides what it really is. */
record DraftBlock(Kind kind, String text) {

    enum Kind { TITLE, LEAD, HEADING, PARAGRAPH, QUOTE, CAPTION, CREDIT, LIST }

    DraftBlock {
        text = Text.clean(text);
    }

    DraftBlock as(Kind newKind) {
        return new DraftBlock(newKind, text);
    }
}
