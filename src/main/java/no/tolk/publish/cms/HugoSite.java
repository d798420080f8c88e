package no.tolk.publish.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The minimal Hugo configuration and layouts that make {@code hugo -s <site>} build a bilingual
 * site from Tolk's content. Each file is written only when missing, so a user's edits survive.
 */
public final class HugoSite {

    static final List<String> FILES = List.of(
            "hugo.toml",
            "layouts/_default/baseof.html",
            "layouts/_default/single.html",
            "layouts/_default/list.html",
            "layouts/index.html");

    private HugoSite() {
    }

    /** @return the files that were written (empty when all were already there) */
    public static List<Path> installMissing(Path siteDir) {
        java.util.ArrayList<Path> written = new java.util.ArrayList<>();
        for (String name : FILES) {
            Path target = siteDir.resolve(name);
            if (Files.exists(target)) continue;
            try (InputStream template = HugoSite.class.getResourceAsStream("/publish/cms/hugo/" + name)) {
                if (template == null) throw new IllegalStateException("Hugo template missing from the classpath: " + name);
                Files.createDirectories(target.getParent());
                Files.write(target, template.readAllBytes(), java.nio.file.StandardOpenOption.CREATE_NEW);
                written.add(target);
            } catch (FileAlreadyExistsException raced) {
                // another writer created it first; theirs stays
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        return written;
    }
}
