package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by hand: {@code mvn -o -q test -Dtest=DeskPageBench -Dtolk.bench=true}. Page weight and server time of the
 * article page of an article with 50 blocks (each with a quality-check error on it), after 50 warm-up requests;
 * prints lines starting with BENCH (median and 95th percentile of 200 requests, measured at the client over
 * loopback: template rendering plus the store queries).
 */
@EnabledIfSystemProperty(named = "tolk.bench", matches = "true")
class DeskPageBench {

    @TempDir
    Path home;

    @Test
    void articlePageWithFiftyBlocks() throws Exception {
        try (DeskFixture fixture = new DeskFixture(home, "https://news.example")) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                String source = "Avsnitt " + i + " forteller at kommunen bygger " + (i * 10) + " nye boliger innen utgangen av året.";
                fixture.dictionary.put(source, "Paragraph says the municipality builds new homes by the end of the year, as planned.");
                blocks.add(paragraph(source));
            }
            fixture.dictionary.put("Femti avsnitt", "Fifty paragraphs");
            Article article = fixture.extracted("fifty.docx", "Femti avsnitt", null, blocks);
            fixture.translateAndReview();
            fixture.accounts.add("ada", Role.ADMIN, "correct horse battery");
            fixture.startDesk();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(fixture.deskUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=ada&password=" + URLEncoder.encode("correct horse battery", StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpRequest page = HttpRequest.newBuilder(URI.create(fixture.deskUrl() + "/article/" + article.id())).header("Cookie", cookie).build();
            for (int i = 0; i < 50; i++) http.send(page, HttpResponse.BodyHandlers.ofByteArray());
            long[] nanos = new long[200];
            int bytes = 0;
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(page, HttpResponse.BodyHandlers.ofByteArray());
                nanos[i] = System.nanoTime() - start;
                assertThat(response.statusCode()).isEqualTo(200);
                bytes = response.body().length;
            }
            Arrays.sort(nanos);
            String css = Templates.render("desk/style", java.util.Map.of());
            System.out.printf("BENCH desk article page, 50 blocks with 100 findings: %d bytes HTML + %d bytes CSS (no scripts, no images);"
                            + " server time median %.1f ms, p95 %.1f ms (200 requests after 50 warm-up)%n",
                    bytes, css.getBytes(StandardCharsets.UTF_8).length, nanos[100] / 1e6, nanos[190] / 1e6);
        }
    }
}
