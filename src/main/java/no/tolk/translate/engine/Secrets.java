package no.tolk.translate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads credentials from the environment only: {@code NAME}, or the file named by {@code NAME_FILE}
 * (Docker/Kubernetes secrets). Values are never logged and never put into messages.
 */
public final class Secrets {

    private final Map<String, String> environment;

    public Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    public Optional<String> find(String name) {
        String direct = environment.get(name);
        if (direct != null && !direct.isBlank()) return Optional.of(direct.trim());
        String file = environment.get(name + "_FILE");
        if (file == null || file.isBlank()) return Optional.empty();
        try {
            String value = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + "_FILE (" + file + "): " + e.getClass().getSimpleName());
        }
    }

    public String require(String name, String engine) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "translation engine " + engine + " needs the environment variable " + name + " (or " + name + "_FILE)"));
    }
}
