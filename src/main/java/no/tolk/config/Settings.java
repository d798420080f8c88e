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
            if (defaults != null) settings.properties.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in application.properties", e);
        }
        Path local = settings.home.resolve("application.properties");
        if (Files.isRegularFile(local)) {
            try (Reader reader = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                settings.properties.load(reader);
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
}
