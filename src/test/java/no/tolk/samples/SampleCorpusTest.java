package no.tolk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Guards the committed sample corpus: it matches its generator, every good sample is readable by
 * Tika and holds the facts listed in {@code samples/expected}, and every bad sample is broken in
 * the intended way. It checks the files, not Tolk's extractor.
 */
class SampleCorpusTest {

    static final Path SAMPLES = Path.of("samples");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGoodSampleHasExpectationsAndTheFactsAreInTheFile() throws Exception {
        List<Path> inbox = list(SAMPLES.resolve("inbox"));
        assertThat(inbox).hasSizeGreaterThanOrEqualTo(8);
        Set<String> extensions = new java.util.TreeSet<>();
        for (Path file : inbox) {
            String name = file.getFileName().toString();
            extensions.add(name.substring(name.lastIndexOf('.') + 1));
            Path expectedFile = SAMPLES.resolve("expected").resolve(name + ".json");
            assertThat(expectedFile).as("expectations for " + name).exists();
            JsonNode e = JSON.readTree(expectedFile.toFile());

            Metadata md = new Metadata();
            String text = normalize(parse(file, md));
            assertThat(text).as(name + " title").contains(e.get("title").asText());
            assertThat(text).as(name + " lead").contains(e.get("leadStartsWith").asText());
            for (JsonNode s : e.get("mustContain")) {
                assertThat(text).as(name + " body").contains(s.asText());
            }
            for (JsonNode h : e.get("headings")) {
                assertThat(text).as(name + " heading").contains(h.asText());
            }
            if (name.matches(".*\\.(docx|doc|odt|pdf|rtf|html)$")) {
                assertThat(md.get(TikaCoreProperties.CREATOR)).as(name + " author").isEqualTo(e.get("author").asText());
            } else {
                assertThat(text).as(name + " author").contains(e.get("author").asText());
            }
            if (name.matches(".*\\.(docx|doc|odt|pdf|rtf)$")) {
                assertThat(md.get(TikaCoreProperties.CREATED)).as(name + " created").startsWith(e.get("published").asText());
            }
            if (name.matches(".*\\.(docx|doc|odt|pdf)$")) {
                assertThat(md.get(TikaCoreProperties.MODIFIED)).as(name + " modified").startsWith(e.get("revised").asText());
            }
            if (name.endsWith(".txt")) {
                assertThat(text).as(name + " boilerplate present in the raw file")
                        .contains(e.get("mustNotContain").get(0).asText());
            }
        }
        assertThat(extensions).contains("txt", "docx", "odt", "pdf", "html", "md", "rtf");
    }

    @Test
    void latin1SampleIsNotUtf8() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve("inbox/skipsfart-sunnmore-latin1.txt"));
        String latin1 = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(latin1).contains("Ålesund", "Ærvik", "Ørsta", "Åse Ødegård");
        assertThatThrownBy(() -> java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(bytes))).isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }

    @Test
    void badSamplesAreBrokenAsIntended() throws Exception {
        Path bad = SAMPLES.resolve("bad");
        for (Path f : list(bad)) {
            assertThat(Files.size(f)).as(f + " size").isLessThan(2L * 1024 * 1024);
        }
        assertThat(Files.size(bad.resolve("tom.txt"))).isZero();
        assertThat(Files.size(bad.resolve("tom.docx"))).isZero();
        assertThatThrownBy(() -> parse(bad.resolve("tom.txt"), new Metadata())).isInstanceOf(ZeroByteFileException.class);
        assertThatThrownBy(() -> parse(bad.resolve("kryptert.pdf"), new Metadata()))
                .isInstanceOf(EncryptedDocumentException.class);
        for (String broken : List.of("korrupt.docx", "soppel.pdf", "halvskrevet.pdf")) {
            assertThatThrownBy(() -> parse(bad.resolve(broken), new Metadata())).as(broken)
                    .isInstanceOf(org.apache.tika.exception.TikaException.class);
        }
        // Tika's only "text" is the embedded picture's name, from <div class="package-entry"><h1>image1.png</h1>
        assertThat(normalize(parse(bad.resolve("bare-bilde.docx"), new Metadata()))).isEqualTo("image1.png");
        // never parsed here: with Tika's default (DOM) docx extractor it needs gigabytes of heap
        try (ZipFile zip = new ZipFile(bad.resolve("zipbombe.docx").toFile())) {
            assertThat(zip.getEntry("word/document.xml").getSize()).isGreaterThan(200L * 1024 * 1024);
        }
        assertThat(Files.size(bad.resolve("zipbombe.docx"))).isLessThan(1024L * 1024);
    }

    @Test
    void committedCorpusMatchesTheGenerator(@TempDir Path tmp) throws Exception {
        // the .doc comes from whatever LibreOffice is installed, so it is not compared
        System.setProperty("tolk.samples.skipDoc", "true");
        try {
            SampleGenerator.main(new String[]{tmp.toString()});
        } finally {
            System.clearProperty("tolk.samples.skipDoc");
        }
        boolean dejavu = Files.exists(Path.of(SampleGenerator.DEJAVU, "DejaVuSans.ttf"));
        List<String> differ = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path generated : walk.filter(Files::isRegularFile).toList()) {
                String rel = tmp.relativize(generated).toString();
                if (rel.endsWith(".pdf") && !dejavu) {
                    continue; // generated with the Helvetica fallback on this machine
                }
                Path committed = SAMPLES.resolve(rel);
                if (!Files.exists(committed) || Files.mismatch(generated, committed) != -1) {
                    differ.add(rel);
                }
            }
        }
        if (!differ.isEmpty()) {
            fail("samples/ is out of date with SampleGenerator, regenerate it: " + differ);
        }
    }

    static String parse(Path file, Metadata md) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file, md)) {
            new AutoDetectParser().parse(in, handler, md, new ParseContext());
        }
        return handler.toString();
    }

    static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
