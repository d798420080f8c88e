package no.tolk.publish.cms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads a secret from {@code NAME} or from the file named by {@code NAME_FILE} (Docker/Kubernetes secrets). */
final class EnvironmentSecret {

    private EnvironmentSecret() {
    }

    static Optional<String> read(Map<String, String> environment, String name) {
        String direct = environment.get(name);
        if (direct != null && !direct.isBlank()) return Optional.of(direct.strip());
        String file = environment.get(name + "_FILE");
        if (file == null || file.isBlank()) return Optional.empty();
        try {
            String content = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
            return content.isEmpty() ? Optional.empty() : Optional.of(content);
        } catch (IOException e) {
            // the path is not secret, the content is never read into the message
            throw new IllegalStateException("cannot read " + name + "_FILE (" + file + "): " + e.getClass().getSimpleName());
        }
    }
}
