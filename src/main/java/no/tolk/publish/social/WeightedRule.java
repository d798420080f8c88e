package no.tolk.publish.social;

import java.text.Normalizer;

/**
 * X's weighted length (twitter-text configuration v3): text is NFC-normalised; code points in
 * U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, all others 2; an emoji
 * sequence (ZWJ family, flag, skin tone) weighs 2 as a whole; each URL weighs 23.
 */
public record WeightedRule(int limit, int urlLength) implements LengthRule {

    private static final int LIGHT = 100;
    private static final int HEAVY = 200;
    private static final int SCALE = 100;

    @Override
    public int length(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        int weight = 0;
        int from = 0;
        for (int[] span : Links.spans(normalized)) {
            weight += weigh(normalized.substring(from, span[0])) + urlLength * SCALE;
            from = span[1];
        }
        weight += weigh(normalized.substring(from));
        return (weight + SCALE - 1) / SCALE;
    }

    private static int weigh(String text) {
        int weight = 0;
        for (String cluster : Graphemes.of(text)) {
            if (isEmoji(cluster)) {
                weight += HEAVY;
            } else {
                weight += cluster.codePoints().map(WeightedRule::weigh).sum();
            }
        }
        return weight;
    }

    private static int weigh(int codePoint) {
        boolean light = codePoint <= 0x10FF
                || (codePoint >= 0x2000 && codePoint <= 0x200D)
                || (codePoint >= 0x2010 && codePoint <= 0x201F)
                || (codePoint >= 0x2032 && codePoint <= 0x2037);
        return light ? LIGHT : HEAVY;
    }

    // Java 17 has no Character.isEmoji; these blocks hold the pictographs twitter-text's emoji regex matches
    private static boolean isEmoji(String cluster) {
        return cluster.codePoints().anyMatch(cp -> cp == 0xFE0F
                || (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF));
    }

    @Override
    public String description() {
        return limit + " weighted (twitter-text v3: CJK and emoji weigh 2), each URL counts " + urlLength;
    }
}
