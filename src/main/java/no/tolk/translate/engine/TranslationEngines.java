package no.tolk.translate.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import no.tolk.translate.Translator;
import org.apache.camel.CamelContext;

/**
 * Builds translation engines by name from configuration ({@code tolk.translate.*}) and credentials
 * from the environment. One instance per engine name, so DeepL's glossary cache is shared.
 */
public final class TranslationEngines {

    public static final List<String> NAMES = List.of(DeepLTranslator.NAME, GoogleTranslator.NAME, AzureTranslator.NAME,
            LibreTranslateTranslator.NAME, OpenAiTranslator.NAME, ApertiumTranslator.NAME);

    private final CamelContext camelContext;
    private final Function<String, Optional<String>> properties;
    private final Secrets secrets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Translator> built = new ConcurrentHashMap<>();

    /**
     * @param properties looks up a configuration key (for the app: Camel's properties component,
     *                   which lets {@code TOLK_TRANSLATE_ENGINE} override {@code tolk.translate.engine})
     */
    public TranslationEngines(CamelContext camelContext, Function<String, Optional<String>> properties, Secrets secrets,
                              Clock clock, Sleeper sleeper) {
        this.camelContext = camelContext;
        this.properties = properties;
        this.secrets = secrets;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static TranslationEngines of(CamelContext camelContext) {
        return new TranslationEngines(camelContext, key -> camelContext.getPropertiesComponent().resolveProperty(key),
                Secrets.fromEnvironment(), Clock.systemUTC(), Sleeper.THREAD);
    }

    /** The engine named by {@code tolk.translate.engine}. */
    public Translator configured() {
        return create(setting("tolk.translate.engine", DeepLTranslator.NAME));
    }

    /** Names from {@code tolk.translate.fallback}, in order; the lead's pipeline decides when to use them. */
    public List<String> fallbackNames() {
        return Arrays.stream(setting("tolk.translate.fallback", "").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    public List<Translator> fallbacks() {
        List<Translator> fallbacks = new ArrayList<>();
        fallbackNames().forEach(name -> fallbacks.add(create(name)));
        return fallbacks;
    }

    /** @throws IllegalArgumentException for an unknown name; IllegalStateException when a credential is missing */
    public Translator create(String name) {
        String engine = name.strip().toLowerCase(Locale.ROOT);
        return built.computeIfAbsent(engine, this::build);
    }

    private Translator build(String engine) {
        RetryPolicy retry = retryPolicy();
        return switch (engine) {
            case DeepLTranslator.NAME -> {
                String key = secrets.require("DEEPL_AUTH_KEY", engine);
                String url = setting("tolk.translate.deepl.url", DeepLTranslator.defaultUrl(key));
                yield new DeepLTranslator(http(engine, url), key,
                        setting("tolk.translate.deepl.target-variant", "EN-GB"), retry, clock);
            }
            case GoogleTranslator.NAME -> new GoogleTranslator(
                    http(engine, setting("tolk.translate.google.url", GoogleTranslator.DEFAULT_URL)),
                    secrets.require("GOOGLE_TRANSLATE_API_KEY", engine), retry, clock);
            case AzureTranslator.NAME -> new AzureTranslator(
                    http(engine, setting("tolk.translate.azure.url", AzureTranslator.DEFAULT_URL)),
                    secrets.require("AZURE_TRANSLATOR_KEY", engine), secrets.find("AZURE_TRANSLATOR_REGION").orElse(null),
                    retry, clock);
            case LibreTranslateTranslator.NAME -> new LibreTranslateTranslator(
                    http(engine, setting("tolk.translate.libretranslate.url", LibreTranslateTranslator.DEFAULT_URL)),
                    secrets.find("LIBRETRANSLATE_API_KEY").orElse(null),
                    number("tolk.translate.libretranslate.max-segments", 25),
                    number("tolk.translate.libretranslate.max-bytes", 32 * 1024), retry, clock);
            case OpenAiTranslator.NAME -> new OpenAiTranslator(
                    http(engine, setting("tolk.translate.openai.url", OpenAiTranslator.DEFAULT_URL)),
                    secrets.find("OPENAI_API_KEY").orElse(null),
                    new OpenAiOptions(setting("tolk.translate.openai.path", "/v1/chat/completions"),
                            setting("tolk.translate.openai.model", "gpt-4o-mini"),
                            setting("tolk.translate.openai.response-format", "json_schema"),
                            setting("tolk.translate.openai.auth-style", "bearer"),
                            number("tolk.translate.openai.max-segments", 40),
                            number("tolk.translate.openai.max-bytes", 12 * 1024)),
                    retry, clock);
            case ApertiumTranslator.NAME -> new ApertiumTranslator(apertiumBackend(retry),
                    Map.of("nb-nn", setting("tolk.translate.apertium.nb-nn-mode", "nob-nno"),
                            "nn-nb", setting("tolk.translate.apertium.nn-nb-mode", "nno-nob")),
                    number("tolk.translate.apertium.max-segments", 200),
                    number("tolk.translate.apertium.max-bytes", 256 * 1024),
                    number("tolk.translate.apertium.review-percent", 5));
            default -> throw new IllegalArgumentException("unknown translation engine '" + engine + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    /** APy when {@code tolk.translate.apertium.url} is set, otherwise the local program. */
    private ApertiumBackend apertiumBackend(RetryPolicy retry) {
        String url = setting("tolk.translate.apertium.url", "");
        if (!url.isEmpty()) return new ApertiumApy(http(ApertiumTranslator.NAME, url), url, retry, clock);
        String dataDirectory = setting("tolk.translate.apertium.data-dir", "");
        return new ApertiumProcess(setting("tolk.translate.apertium.program", "apertium"),
                dataDirectory.isEmpty() ? null : java.nio.file.Path.of(dataDirectory),
                duration("tolk.translate.apertium.timeout", Duration.ofSeconds(120)));
    }

    /**
     * Why Apertium cannot translate {@code source} to {@code target} here (program not installed, pair not
     * installed, APy not answering), or empty when it can. Asks the program ({@code apertium -l}) or the server.
     */
    public Optional<String> apertiumUnavailable(String source, String target) {
        ApertiumTranslator apertium = (ApertiumTranslator) create(ApertiumTranslator.NAME);
        Optional<String> mode = apertium.mode(source, target);
        if (mode.isEmpty()) return Optional.of("apertium translates only between nb and nn, not " + source + "-" + target);
        ApertiumBackend backend = apertium.backend();
        if (backend instanceof ApertiumProcess) {
            String program = setting("tolk.translate.apertium.program", "apertium");
            if (ApertiumProcess.locate(program).isEmpty()) {
                return Optional.of("the program '" + program + "' is not installed (Debian packages apertium and apertium-nno-nob)");
            }
        }
        try {
            java.util.Set<String> modes = backend.modes();
            return modes.contains(mode.get()) ? Optional.empty()
                    : Optional.of(backend.describe() + " has no mode " + mode.get() + " (installed: " + String.join(", ", modes)
                    + "; Debian package apertium-nno-nob)");
        } catch (no.tolk.translate.TranslationException e) {
            if (backend instanceof ApertiumProcess) {
                return Optional.of(backend.describe() + " cannot list its language pairs: " + e.getMessage());
            }
            // a server that is down now may be up at the next poll; the stage retries then. The caller's one
            // start-up line about the pair says so (apertiumWaiting), so nothing is logged here.
            apertiumWaiting.put(source + "-" + target, e.getMessage());
            return Optional.empty();
        }
    }

    private final Map<String, String> apertiumWaiting = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Why the Apertium APy server did not answer when {@link #apertiumUnavailable} last checked the pair
     * {@code source-target} (e.g. "apertium did not answer GET /listPairs: connection refused (...)"), or empty when it
     * answered or is not used; its translations wait for the server rather than being dropped.
     */
    public Optional<String> apertiumWaiting(String source, String target) {
        return Optional.ofNullable(apertiumWaiting.get(source + "-" + target));
    }

    /** Where Apertium runs, for the start-up line: "the apertium program /usr/bin/apertium" or "Apertium APy at http://...". */
    public String apertiumWhere() {
        ApertiumBackend backend = ((ApertiumTranslator) create(ApertiumTranslator.NAME)).backend();
        if (!(backend instanceof ApertiumProcess)) return backend.describe();
        String program = setting("tolk.translate.apertium.program", "apertium");
        String dataDirectory = setting("tolk.translate.apertium.data-dir", "");
        return "the apertium program " + ApertiumProcess.locate(program).map(Object::toString).orElse(program)
                + (dataDirectory.isEmpty() ? "" : " -d " + dataDirectory);
    }

    private CamelHttpClient http(String engine, String url) {
        Duration connect = duration("tolk.translate." + engine + ".connect-timeout",
                duration("tolk.translate.connect-timeout", Duration.ofSeconds(10)));
        Duration request = duration("tolk.translate." + engine + ".request-timeout",
                duration("tolk.translate.request-timeout", Duration.ofSeconds(60)));
        return new CamelHttpClient(engine, camelContext, new EngineEndpoint(url, connect, request));
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(number("tolk.translate.retry.max-attempts", 4),
                duration("tolk.translate.retry.base-delay", Duration.ofSeconds(1)),
                duration("tolk.translate.retry.max-delay", Duration.ofSeconds(30)),
                sleeper, RandomGenerator.getDefault());
    }

    private String setting(String key, String fallback) {
        return properties.apply(key).map(String::strip).filter(value -> !value.isEmpty()).orElse(fallback);
    }

    private int number(String key, int fallback) {
        String value = setting(key, null);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    /** Accepts {@code 250ms}, {@code 10s}, {@code 2m}, plain milliseconds or ISO-8601 ({@code PT10S}). */
    private Duration duration(String key, Duration fallback) {
        String value = setting(key, null);
        if (value == null) return fallback;
        try {
            return parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 500ms, 10s or 2m, not '" + value + "'");
        }
    }

    public static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
        if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
        if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000));
        if (v.endsWith("m")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()) * 60);
        return Duration.ofMillis(Long.parseLong(v));
    }
}
