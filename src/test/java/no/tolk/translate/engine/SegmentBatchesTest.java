package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.Segment;
import org.junit.jupiter.api.Test;

class SegmentBatchesTest {

    @Test
    void splitsBySegmentCountKeepingOrder() throws Exception {
        List<Segment> segments = IntStream.range(0, 120).mapToObj(i -> new Segment("b" + i, "tekst " + i)).toList();

        List<List<Segment>> batches = SegmentBatches.split("deepl", segments, 50, 128 * 1024);

        assertThat(batches).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(segments);
    }

    @Test
    void splitsA200KibArticleByBytes() throws Exception {
        // 100 paragraphs of about 2 KiB with Norwegian letters (two bytes each in UTF-8)
        String paragraph = "Æøå i Tromsø ".repeat(128);
        List<Segment> segments = IntStream.range(0, 100).mapToObj(i -> new Segment("b" + i, paragraph)).toList();
        long total = segments.stream().mapToLong(s -> s.text().getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(total).isGreaterThan(200 * 1024);
        int limit = 128 * 1024 - 1024;

        List<List<Segment>> batches = SegmentBatches.split("deepl", segments, 50, limit);

        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().mapToLong(s -> SegmentBatches.cost(s.text())).sum())
                .isLessThanOrEqualTo(limit));
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(50));
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(segments);
    }

    @Test
    void countsJsonEscapesAgainstTheLimit() {
        assertThat(SegmentBatches.cost("\"a\"")).isEqualTo(5 + SegmentBatches.OVERHEAD_PER_SEGMENT);
        assertThat(SegmentBatches.cost("a\nb")).isEqualTo(8 + SegmentBatches.OVERHEAD_PER_SEGMENT);
    }

    @Test
    void refusesASegmentThatCanNeverFit() {
        List<Segment> segments = List.of(new Segment("b0", "kort"), new Segment("b1", "x".repeat(5000)));

        assertThatThrownBy(() -> SegmentBatches.split("azure", segments, 1000, 4096))
                .isInstanceOf(EngineRejectedException.class)
                .hasMessageContaining("b1").hasMessageContaining("4096");
    }

    @Test
    void noSegmentsNoBatches() throws Exception {
        assertThat(SegmentBatches.split("deepl", List.of(), 50, 1000)).isEmpty();
    }
}
