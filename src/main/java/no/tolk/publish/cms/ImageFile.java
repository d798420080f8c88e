package no.tolk.publish.cms;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The bytes of an article image, fetched from an http(s) address or read from a local file, bounded in size. */
record ImageFile(String fileName, String contentType, byte[] bytes) {

    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "gif", "image/gif", "webp", "image/webp", "avif", "image/avif");

    /**
     * @return the image, or empty when the source is not usable (unknown type, too large, missing)
     * @throws IOException when reading or fetching failed
     */
    static Optional<ImageFile> load(String source, Path imageDir, long maxBytes, HttpClient http, Duration timeout)
            throws IOException, InterruptedException {
        if (source == null || source.isBlank()) return Optional.empty();
        String trimmed = source.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) return fetch(URI.create(trimmed), maxBytes, http, timeout);
        Path file;
        if (lower.startsWith("file:")) {
            file = Path.of(URI.create(trimmed));
        } else if (lower.matches("[a-z][a-z0-9+.-]+:.*")) {
            return Optional.empty(); // data:, ftp: and the like
        } else {
            file = imageDir.resolve(trimmed);
        }
        // the source comes from an untrusted document: never read outside the image folder
        Path root = imageDir.toAbsolutePath().normalize();
        file = file.toAbsolutePath().normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
        if (!file.toRealPath().startsWith(root.toRealPath()) || Files.size(file) > maxBytes) return Optional.empty();
        String name = fileName(file.getFileName().toString());
        String type = TYPES.get(extension(name));
        if (type == null) return Optional.empty();
        return Optional.of(new ImageFile(name, type, Files.readAllBytes(file)));
    }

    private static Optional<ImageFile> fetch(URI address, long maxBytes, HttpClient http, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) return Optional.empty();
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) return Optional.empty();
            String name = fileName(lastSegment(address.getPath()));
            String type = response.headers().firstValue("Content-Type")
                    .map(value -> value.split(";")[0].strip().toLowerCase(Locale.ROOT))
                    .filter(value -> value.startsWith("image/"))
                    .orElse(TYPES.get(extension(name)));
            if (type == null) return Optional.empty();
            if (extension(name).isEmpty() || !TYPES.containsKey(extension(name))) {
                String ext = TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst().orElse("img");
                name = name + "." + ext;
            }
            return Optional.of(new ImageFile(name, type, bytes));
        }
    }

    private static String lastSegment(String path) {
        if (path == null || path.isEmpty()) return "image";
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    /** A file name safe inside a quoted Content-Disposition header. */
    static String fileName(String raw) {
        String safe = Slug.of(raw.replaceAll("\\.[^.]*$", ""));
        String ext = extension(raw);
        return ext.isEmpty() ? safe : safe + "." + ext;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) return "";
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,5}") ? ext : "";
    }
}
