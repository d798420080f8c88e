package no.tolk.translate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Patterns that find a term as a whole word (not inside another word), compiled once per term. */
public final class WholeWords {

    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private WholeWords() {
    }

    public static Pattern exact(String term) {
        return CACHE.computeIfAbsent("=" + term, key -> Pattern.compile(BEFORE + Pattern.quote(term) + AFTER));
    }

    public static Pattern ignoringCase(String term) {
        return CACHE.computeIfAbsent("i" + term, key -> Pattern.compile(BEFORE + Pattern.quote(term) + AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The term at the start of a word, so inflected forms count ("klyngen" for "klynge"). */
    public static Pattern startingWith(String term) {
        return CACHE.computeIfAbsent("^" + term, key -> Pattern.compile(BEFORE + Pattern.quote(term),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
