package no.tolk.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum BlockType {
    HEADING, PARAGRAPH, QUOTE, CAPTION, LIST;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BlockType fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
