package no.tolk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Tolk's configuration: {@code application.properties} on the classpath, then
 * {@code <home>/application.properties}, then system properties, then environment variables
 * ({@code tolk.a.b-c} is overridden by {@code TOLK_A_B_C}) - the same precedence Camel applies.
 */
public final class Settings {

    private final Properties properties = new Properties();
    private final Properties defaults = new Properties();
    private final Properties homeFile = new Properties();
    private final Map<String, String> environment;
    private final Path home;

    private Settings(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = environment;
    }

    public static Settings load(Path home) {
        return load(home, System.getenv());
    }

    public static Settings load(Path home, Map<String, String> environment) {
        Settings settings = new Settings(home.toAbsolutePath().normalize(), environment);
        try (InputStream defaults = Settings.class.getResourceAsStream("/application.properties")) {
            if (defaults != null) settings.defaults.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
            settings.properties.putAll(settings.defaults);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in application.properties", e);
        }
        Path local = settings.home.resolve("application.properties");
        if (Files.isRegularFile(local)) {
            try (Reader reader = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                settings.homeFile.load(reader);
                settings.properties.putAll(settings.homeFile);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + local + ": " + e.getMessage(), e);
            }
        }
        settings.properties.setProperty("tolk.home", settings.home.toString());
        return settings;
    }

    /** Resolves the home folder: the --home option, else TOLK_HOME, else the current directory. */
    public static Path resolveHome(Path option) {
        if (option != null) return option.toAbsolutePath().normalize();
        String fromEnvironment = System.getenv("TOLK_HOME");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "." : fromEnvironment).toAbsolutePath().normalize();
    }

    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        if (key.equals("tolk.home")) return home.toString();
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null) return fromEnvironment;
        String fromSystem = System.getProperty(key);
        if (fromSystem != null) return fromSystem;
        return properties.getProperty(key);
    }

    public String get(String key, String fallback) {
        String value = get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public Path home() {
        return home;
    }

    /** Everything from the property files, for Camel Main's initial properties (Camel applies env overrides itself). */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The environment this configuration reads (System.getenv() unless a test gave its own). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Keys of the built-in application.properties: the known configuration keys. */
    public java.util.Set<String> defaultKeys() {
        return new java.util.TreeSet<>(defaults.stringPropertyNames());
    }

    /** Keys set in {@code <home>/application.properties}. */
    public java.util.Set<String> homeFileKeys() {
        return new java.util.TreeSet<>(homeFile.stringPropertyNames());
    }

    /** Where the effective value of {@code key} comes from: environment, system property, home file, default, or unset. */
    public String origin(String key) {
        if (key.equals("tolk.home")) return "--home / TOLK_HOME";
        if (environment.get(environmentName(key)) != null) return "environment " + environmentName(key);
        if (System.getProperty(key) != null) return "system property -D" + key;
        if (homeFile.getProperty(key) != null) return "home file " + home.resolve("application.properties");
        if (defaults.getProperty(key) != null) return "default";
        return "unset";
    }

    /** The built-in default of {@code key}, or null. */
    public String defaultValue(String key) {
        return defaults.getProperty(key);
    }
}
