package no.tolk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tolk.article.ArticleJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar must carry every Tika parser and Camel service file: each sample format is
 * extracted by {@code java -jar target/tolk.jar extract}, exactly as a user runs it.
 */
class FatJarIT {

    private static final Path JAR = Path.of("target", "tolk.jar");

    static List<Path> samples() {
        return Samples.good();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleFormatIsExtractedFromTheJar(Path sample) throws Exception {
        assertThat(JAR).exists();
        Path output = Files.createTempFile("extract", ".json");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "extract", sample.toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        JsonNode article = ArticleJson.mapper().readTree(Files.readString(output, StandardCharsets.UTF_8));
        JsonNode expected = ArticleJson.mapper().readTree(Samples.EXPECTED.resolve(sample.getFileName() + ".json").toFile());
        assertThat(article.get("title").asText()).isEqualTo(expected.get("title").asText());
        assertThat(article.get("language").asText()).isEqualTo("nb");
    }
}
