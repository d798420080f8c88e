package no.tolk.publish.social;

/** Counts UTF-16 code units, the most cautious count (an emoji counts 2); used for LinkedIn's commentary. */
public record Utf16Rule(int limit) implements LengthRule {

    @Override
    public int length(String text) {
        return text.length();
    }

    @Override
    public String description() {
        return limit + " UTF-16 code units";
    }
}
