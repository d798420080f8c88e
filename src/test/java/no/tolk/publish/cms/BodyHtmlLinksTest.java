package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.Test;

/** Addresses in an article's text become links in the HTML published to a CMS; nothing else becomes markup. */
class BodyHtmlLinksTest {

    @Test
    void addressesBecomeLinksWithoutTheirSentencePunctuationAndTextStaysText() {
        String html = BodyHtml.renderWithLinks(List.of(
                new Block(BlockType.PARAGRAPH, "Les rapporten (https://www.ssb.no/rapport?år=2024&del=2)."),
                new Block(BlockType.LIST, "Se http://example.no/a, og <b>\"https://x.no/q\"</b>!"),
                new Block(BlockType.PARAGRAPH, "javascript:alert(1) og ftp://example.no blir tekst.")));

        assertThat(html).isEqualTo("""
                <p>Les rapporten (<a href="https://www.ssb.no/rapport?år=2024&amp;del=2">https://www.ssb.no/rapport?år=2024&amp;del=2</a>).</p>
                <ul>
                <li>Se <a href="http://example.no/a">http://example.no/a</a>, og &lt;b&gt;&quot;<a href="https://x.no/q">https://x.no/q</a>&quot;&lt;/b&gt;!</li>
                </ul>
                <p>javascript:alert(1) og ftp://example.no blir tekst.</p>
                """);
        assertThat(PostHtml.sanitise(html)).contains("<a href=\"https://www.ssb.no/rapport?år=2024&amp;del=2\">");
    }
}
