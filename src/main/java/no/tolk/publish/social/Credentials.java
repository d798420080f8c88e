package no.tolk.publish.social;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets for the channels, only from the environment: {@code NAME} itself, or a file named by
 * {@code NAME_FILE} (Docker/Kubernetes secrets). Values never appear in messages or {@code toString}.
 */
public final class Credentials {

    private final Map<String, String> environment;

    public Credentials(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static Credentials fromEnvironment() {
        return new Credentials(System.getenv());
    }

    public Optional<String> find(String name) {
        String direct = environment.get(name);
        if (direct != null && !direct.isBlank()) return Optional.of(direct.strip());
        String file = environment.get(name + "_FILE");
        if (file == null || file.isBlank()) return Optional.empty();
        try {
            String value = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + "_FILE (" + file.strip() + "): "
                    + e.getClass().getSimpleName());
        }
    }

    /** @throws IllegalStateException naming the variable (never a value) when it is not set */
    public String require(String name, String channel) {
        return find(name).orElseThrow(() -> new IllegalStateException("social channel '" + channel
                + "' is enabled but " + name + " (or " + name + "_FILE) is not set"));
    }

    @Override
    public String toString() {
        return "Credentials[from environment]";
    }
}
