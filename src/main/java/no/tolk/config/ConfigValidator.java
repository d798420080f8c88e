package no.tolk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks Tolk's configuration before any work starts, so a typo or a missing secret is a clear message and
 * exit code 2 rather than a run that quietly does nothing. It checks:
 * <ul>
 *   <li>unknown {@code tolk.*} keys in the home file, system properties and {@code TOLK_*} environment variables,
 *       with the closest known key ("did you mean"); the known keys are those of the built-in
 *       {@code application.properties} plus {@link #DOCUMENTED_KEYS};</li>
 *   <li>URLs ({@code *.url} keys and {@code tolk.ingest.feeds}): absolute http(s) with a host, no empty port;</li>
 *   <li>ports ({@code *.port}, {@code *-port}): a whole number 0..65535;</li>
 *   <li>whole numbers and booleans where the default is one;</li>
 *   <li>the translation engine, fallbacks, social channels and CMS: known names, with the secrets they need
 *       present in the environment ({@code NAME} or a readable {@code NAME_FILE}).</li>
 * </ul>
 */
public final class ConfigValidator {

    /** Keys read by Tolk but not listed in application.properties: the log settings (system properties). */
    public static final Set<String> DOCUMENTED_KEYS = Set.of("tolk.log.dir", "tolk.log.level", "tolk.camel.log.level",
            "tolk.camel.main.log.level", "tolk.detail.log.level");

    /** Environment variables starting with TOLK_ that are not configuration keys (launcher, debugging, tests). */
    static final Set<String> NON_KEY_VARIABLES = Set.of("TOLK_HOME", "TOLK_JAVA_OPTS", "TOLK_DEBUG", "TOLK_CDS", "TOLK_CDS_DIR",
            "TOLK_JAR");

    /** Keys with a per-name part: tolk.translate.ENGINE.monthly-budget, tolk.social.hashtags.LANG. */
    private static final List<Pattern> KEY_PATTERNS = List.of(
            Pattern.compile("tolk\\.translate\\.[a-z0-9-]+\\.monthly-budget"),
            Pattern.compile("tolk\\.social\\.hashtags\\.[a-z]{2,3}"),
            Pattern.compile("tolk\\.translate\\.engine\\.[a-z]{2,3}-[a-z]{2,3}"));

    /** Engine -> secrets it cannot work without (docs/translate-engines.md). */
    static final Map<String, List<String>> ENGINE_SECRETS = engineSecrets();
    /** Channel -> secrets (docs/social.md); outbox and none need none. */
    static final Map<String, List<String>> CHANNEL_SECRETS = channelSecrets();
    static final List<String> CMS_TYPES = List.of("static", "wordpress");
    static final List<String> WORDPRESS_SECRETS = List.of("WORDPRESS_USER", "WORDPRESS_APP_PASSWORD");

    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|token|api-key|auth-key).*");

    private ConfigValidator() {
    }

    /** Every problem found, each a sentence saying what to change; empty when the configuration is fine. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        Set<String> known = knownKeys(settings);
        unknownKeys(settings, known, problems);
        for (String key : known) {
            String value = settings.get(key);
            if (value == null || value.isBlank()) continue;
            String where = " (" + settings.origin(key) + ")";
            if (key.endsWith(".url") && !key.equals("tolk.store.url")) {
                urlProblem(value.trim()).ifPresent(problem -> problems.add(key + " = '" + value.trim() + "'" + where + ": " + problem));
            } else if (key.equals("tolk.store.url") && !value.trim().startsWith("jdbc:")) {
                problems.add(key + " = '" + value.trim() + "'" + where + ": a JDBC URL starts with jdbc:, e.g. jdbc:postgresql://db.example.org:5432/tolk");
            } else if (key.equals("tolk.ingest.feeds")) {
                for (String feed : value.split(",")) {
                    if (feed.isBlank()) continue;
                    urlProblem(feed.trim()).ifPresent(problem -> problems.add(key + ": feed '" + feed.trim() + "'" + where + ": " + problem));
                }
            } else if (key.endsWith(".port") || key.endsWith("-port")) {
                portProblem(value.trim()).ifPresent(problem -> problems.add(key + " = '" + value.trim() + "'" + where + ": " + problem));
            } else {
                typeProblem(settings, key, value.trim()).ifPresent(problem -> problems.add(key + " = '" + value.trim() + "'" + where + ": " + problem));
            }
        }
        secrets(settings, problems);
        return problems;
    }

    /** Throws {@link ConfigurationException} listing every problem; returns quietly when there is none. */
    public static void check(Settings settings) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) throw new ConfigurationException(problems);
    }

    /** Known keys: the built-in defaults plus the documented extras, and per-name keys that are set. */
    public static Set<String> knownKeys(Settings settings) {
        Set<String> known = new TreeSet<>();
        settings.defaultKeys().stream().filter(key -> key.startsWith("tolk.")).forEach(known::add);
        known.addAll(DOCUMENTED_KEYS);
        for (String key : settings.homeFileKeys()) {
            if (KEY_PATTERNS.stream().anyMatch(pattern -> pattern.matcher(key).matches())) known.add(key);
        }
        return known;
    }

    private static void unknownKeys(Settings settings, Set<String> known, List<String> problems) {
        for (String key : settings.homeFileKeys()) {
            if (key.startsWith("tolk.") && !known.contains(key)) {
                problems.add("unknown key " + key + " in " + settings.home().resolve("application.properties") + suggestion(key, known));
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("tolk.") && !known.contains(key) && !isPatternKey(key)) {
                problems.add("unknown system property -D" + key + suggestion(key, known));
            }
        }
        Map<String, String> byVariable = new LinkedHashMap<>();
        known.forEach(key -> byVariable.put(Settings.environmentName(key), key));
        for (String variable : new TreeSet<>(settings.environment().keySet())) {
            if (!variable.startsWith("TOLK_") || byVariable.containsKey(variable) || NON_KEY_VARIABLES.contains(variable)
                    || variable.startsWith("TOLK_TEST_")) {
                continue;
            }
            String asKey = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            if (isPatternKey(asKey.replace("monthly.budget", "monthly-budget"))) continue;
            if (isPatternKey(asKey.replaceFirst("^(tolk\\.translate\\.engine\\.[a-z]{2,3})\\.([a-z]{2,3})$", "$1-$2"))) continue;
            Optional<String> closest = closest(variable, byVariable.keySet());
            problems.add("unknown environment variable " + variable
                    + closest.map(name -> "; did you mean " + name + " (" + byVariable.get(name) + ")?").orElse(""));
        }
    }

    private static boolean isPatternKey(String key) {
        return KEY_PATTERNS.stream().anyMatch(pattern -> pattern.matcher(key).matches());
    }

    private static String suggestion(String key, Set<String> known) {
        return closest(key, known).map(name -> "; did you mean " + name + "?").orElse("");
    }

    /** The nearest candidate by Levenshtein distance, if it is near enough to be a typo (at most a third of the length). */
    static Optional<String> closest(String word, Iterable<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance.apply(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Why {@code value} is not a usable http(s) URL, or empty when it is. */
    static Optional<String> urlProblem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("must start with http:// or https://");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || uri.getHost() == null) {
            return Optional.of("has no host name (expected e.g. https://host.example.org:8443/path)");
        }
        if (authority.endsWith(":")) {
            return Optional.of("the port after ':' is empty; give a port number or drop the ':'");
        }
        if (uri.getPort() > 65535) return Optional.of("port " + uri.getPort() + " is out of range (1-65535)");
        return Optional.empty();
    }

    static Optional<String> portProblem(String value) {
        try {
            int port = Integer.parseInt(value);
            return port < 0 || port > 65535 ? Optional.of("a port is a number from 0 to 65535 (0 = off)") : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("a port is a number from 0 to 65535 (0 = off)");
        }
    }

    /** A key whose default is a whole number or a boolean must be one too. */
    private static Optional<String> typeProblem(Settings settings, String key, String value) {
        String fallback = settings.defaultValue(key);
        if (fallback == null || fallback.isBlank()) return Optional.empty();
        if (fallback.matches("-?\\d+") && !value.matches("-?\\d+")) {
            return Optional.of("expected a whole number (the default is " + fallback + ")");
        }
        if ((fallback.equals("true") || fallback.equals("false")) && !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return Optional.of("expected true or false");
        }
        return Optional.empty();
    }

    private static void secrets(Settings settings, List<String> problems) {
        List<String> engines = new ArrayList<>(list(settings.get("tolk.translate.engine", "")));
        list(settings.get("tolk.translate.fallback", "")).stream().filter(engine -> !engines.contains(engine)).forEach(engines::add);
        languagePairs(settings, problems);
        nynorskTargets(settings, problems);
        for (String engine : pairEngines(settings)) {
            if (!engines.contains(engine) && !ENGINE_SECRETS.containsKey(engine)) {
                problems.add("unknown translation engine '" + engine + "' in a tolk.translate.engine.<source>-<target> key; known: "
                        + String.join(", ", ENGINE_SECRETS.keySet()) + closest(engine, ENGINE_SECRETS.keySet()).map(name -> "; did you mean " + name + "?").orElse(""));
            } else if (!engines.contains(engine)) {
                engines.add(engine);
            }
        }
        for (String engine : engines) {
            if (!ENGINE_SECRETS.containsKey(engine)) {
                problems.add("unknown translation engine '" + engine + "' in tolk.translate.engine/fallback; known: "
                        + String.join(", ", ENGINE_SECRETS.keySet()) + closest(engine, ENGINE_SECRETS.keySet()).map(name -> "; did you mean " + name + "?").orElse(""));
                continue;
            }
            missing(settings, ENGINE_SECRETS.get(engine)).forEach(name ->
                    problems.add("translation engine " + engine + " is chosen but " + name + " (or " + name + "_FILE) is not set in the environment"));
        }
        for (String channel : list(settings.get("tolk.social.channels", ""))) {
            if (channel.equals("outbox") || channel.equals("none")) continue;
            if (!CHANNEL_SECRETS.containsKey(channel)) {
                problems.add("unknown social channel '" + channel + "' in tolk.social.channels; known: outbox, none, "
                        + String.join(", ", CHANNEL_SECRETS.keySet()) + closest(channel, CHANNEL_SECRETS.keySet()).map(name -> "; did you mean " + name + "?").orElse(""));
                continue;
            }
            missing(settings, CHANNEL_SECRETS.get(channel)).forEach(name ->
                    problems.add("social channel " + channel + " is chosen but " + name + " (or " + name + "_FILE) is not set in the environment"));
            if (channel.equals("mastodon") && settings.get("tolk.social.mastodon.url", "").isBlank()) {
                problems.add("social channel mastodon is chosen but tolk.social.mastodon.url (your instance, e.g. https://mastodon.social) is empty");
            }
        }
        String cms = settings.get("tolk.cms.type", "static").trim().toLowerCase(Locale.ROOT);
        if (!CMS_TYPES.contains(cms)) {
            problems.add("unknown tolk.cms.type '" + cms + "'; known: " + String.join(", ", CMS_TYPES));
        } else if (cms.equals("wordpress")) {
            if (settings.get("tolk.cms.wordpress.url", "").isBlank()) {
                problems.add("tolk.cms.type is wordpress but tolk.cms.wordpress.url (the site, e.g. https://news.example.org) is empty");
            }
            missing(settings, WORDPRESS_SECRETS).forEach(name ->
                    problems.add("tolk.cms.type is wordpress but " + name + " (or " + name + "_FILE) is not set in the environment"));
            try {
                no.tolk.publish.cms.WordPressSettings.authors(settings.get("tolk.cms.wordpress.authors", ""));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /** Languages in tolk.translate.target-languages and tolk.translate.targets.*: two- or three-letter codes. */
    private static void languagePairs(Settings settings, List<String> problems) {
        List<String> keys = new ArrayList<>(List.of("tolk.translate.target-languages", "tolk.translate.targets.nb", "tolk.translate.targets.nn"));
        for (String key : keys) {
            for (String language : list(settings.get(key, ""))) {
                if (!language.matches("[a-z]{2,3}")) {
                    problems.add(key + ": '" + language + "' is not a language code; use ISO 639-1 codes such as en, nb, nn");
                }
            }
        }
    }

    /** Machine engines whose APIs know only one Norwegian (Bokmål): asked for Nynorsk they write Bokmål. */
    static final Set<String> BOKMAL_ONLY_ENGINES = Set.of("deepl", "google", "azure", "libretranslate");

    /** Bokmål into Nynorsk must use an engine that writes Nynorsk (apertium, openai, xliff). */
    private static void nynorskTargets(Settings settings, List<String> problems) {
        String source = "nb";
        List<String> targets = list(settings.get("tolk.translate.targets." + source, settings.get("tolk.translate.target-languages", "")));
        if (!targets.contains("nn")) return;
        String key = "tolk.translate.engine." + source + "-nn";
        List<String> chain = new ArrayList<>(list(settings.get(key, "")));
        if (chain.isEmpty()) {
            chain.addAll(list(settings.get("tolk.translate.engine", "")));
            chain.addAll(list(settings.get("tolk.translate.fallback", "")));
        }
        chain.stream().filter(BOKMAL_ONLY_ENGINES::contains).forEach(engine -> problems.add(key + " uses " + engine
                + ", which cannot write Nynorsk (its API knows Norwegian only as Bokmål); use apertium, openai or xliff"));
    }

    /**
     * What works but not fully: a language pair whose engines include apertium while the apertium program
     * ({@code tolk.translate.apertium.program}, used when no {@code tolk.translate.apertium.url} is set) is not
     * installed. The run then drops the target (apertium was its only engine) or leaves apertium out, and keeps the
     * other languages, so this is a warning, not a problem. One line per pair, in plain words.
     */
    public static List<String> warnings(Settings settings) {
        List<String> warnings = new ArrayList<>();
        if (!settings.get("tolk.translate.apertium.url", "").isBlank()) return warnings;
        String program = settings.get("tolk.translate.apertium.program", "apertium").strip();
        if (no.tolk.translate.engine.ApertiumProcess.locate(program.isEmpty() ? "apertium" : program).isPresent()) return warnings;
        List<String> defaultChain = new ArrayList<>(list(settings.get("tolk.translate.engine", "")));
        list(settings.get("tolk.translate.fallback", "")).stream().filter(engine -> !defaultChain.contains(engine)).forEach(defaultChain::add);
        for (String source : List.of("nb", "nn")) {
            for (String target : list(settings.get("tolk.translate.targets." + source, settings.get("tolk.translate.target-languages", "")))) {
                if (target.equals(source)) continue;
                String pair = source + "-" + target;
                List<String> chain = list(settings.get("tolk.translate.engine." + pair, ""));
                if (chain.isEmpty()) chain = defaultChain;
                if (!chain.contains("apertium")) continue;
                List<String> rest = chain.stream().filter(engine -> !engine.equals("apertium")).toList();
                String why = pair + " uses apertium, but the program '" + program + "' is not installed (Debian packages"
                        + " apertium and apertium-nno-nob)";
                warnings.add(rest.isEmpty()
                        ? why + ": " + source + " articles will not be translated into " + target + " (the other languages go on);"
                                + " install it, set tolk.translate.apertium.program to its path or tolk.translate.apertium.url"
                                + " to an APy server, or take " + target + " out of tolk.translate.targets." + source
                        : why + ": " + pair + " will use " + String.join(", ", rest) + " only");
            }
        }
        return warnings;
    }

    /** Engines named in per-pair keys (tolk.translate.engine.nb-nn ...) that are set, in the home file, defaults or environment. */
    private static List<String> pairEngines(Settings settings) {
        Set<String> keys = new TreeSet<>(settings.defaultKeys());
        keys.addAll(settings.homeFileKeys());
        settings.environment().keySet().stream().filter(name -> name.matches("TOLK_TRANSLATE_ENGINE_[A-Z]{2,3}_[A-Z]{2,3}"))
                .map(name -> name.toLowerCase(Locale.ROOT).replace('_', '.').replaceFirst("\\.([a-z]{2,3})$", "-$1"))
                .forEach(keys::add);
        List<String> engines = new ArrayList<>();
        for (String key : keys) {
            if (!key.matches("tolk\\.translate\\.engine\\.[a-z]{2,3}-[a-z]{2,3}")) continue;
            list(settings.get(key, "")).stream().filter(engine -> !engines.contains(engine)).forEach(engines::add);
        }
        return engines;
    }

    /** Secrets neither set nor in a readable NAME_FILE. */
    private static List<String> missing(Settings settings, List<String> names) {
        Map<String, String> environment = settings.environment();
        return names.stream().filter(name -> {
            String direct = environment.get(name);
            if (direct != null && !direct.isBlank()) return false;
            String file = environment.get(name + "_FILE");
            return file == null || file.isBlank() || !Files.isReadable(Path.of(file.trim()));
        }).toList();
    }

    /** Whether {@code key} holds a secret and must be masked when shown. */
    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches() && !key.endsWith("-file");
    }

    /** Names of the secrets the configured engines, channels and CMS use, in the order they are configured. */
    public static List<String> secretNames(Settings settings) {
        List<String> names = new ArrayList<>();
        List<String> engines = new ArrayList<>(list(settings.get("tolk.translate.engine", "")));
        engines.addAll(list(settings.get("tolk.translate.fallback", "")));
        engines.addAll(pairEngines(settings));
        engines.forEach(engine -> names.addAll(ENGINE_SECRETS.getOrDefault(engine, List.of())));
        if (engines.contains("azure")) names.add("AZURE_TRANSLATOR_REGION");
        if (engines.contains("libretranslate")) names.add("LIBRETRANSLATE_API_KEY");
        if (engines.contains("openai")) names.add("OPENAI_API_KEY");
        list(settings.get("tolk.social.channels", "")).forEach(channel -> names.addAll(CHANNEL_SECRETS.getOrDefault(channel, List.of())));
        if (settings.get("tolk.cms.type", "static").trim().equalsIgnoreCase("wordpress")) names.addAll(WORDPRESS_SECRETS);
        return names.stream().distinct().toList();
    }

    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static Map<String, List<String>> engineSecrets() {
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        secrets.put("xliff", List.of());
        secrets.put("deepl", List.of("DEEPL_AUTH_KEY"));
        secrets.put("google", List.of("GOOGLE_TRANSLATE_API_KEY"));
        secrets.put("azure", List.of("AZURE_TRANSLATOR_KEY"));
        // a self-hosted LibreTranslate or a local OpenAI-compatible server may need no key
        secrets.put("libretranslate", List.of());
        secrets.put("openai", List.of());
        // offline: the local apertium program or an APy server without keys
        secrets.put("apertium", List.of());
        return secrets;
    }

    private static Map<String, List<String>> channelSecrets() {
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        secrets.put("mastodon", List.of("MASTODON_ACCESS_TOKEN"));
        secrets.put("bluesky", List.of("BLUESKY_HANDLE", "BLUESKY_APP_PASSWORD"));
        secrets.put("linkedin", List.of("LINKEDIN_ACCESS_TOKEN"));
        secrets.put("x", List.of("X_ACCESS_TOKEN"));
        secrets.put("facebook", List.of("FACEBOOK_PAGE_TOKEN"));
        return secrets;
    }
}
