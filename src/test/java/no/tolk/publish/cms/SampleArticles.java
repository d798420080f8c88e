package no.tolk.publish.cms;

import java.time.LocalDate;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;

/** A translated pair as the pipeline hands it to the CMS stage. */
final class SampleArticles {

    static final String ID = "a1b2c3d4e5";

    private SampleArticles() {
    }

    static Article norwegian() {
        return new Article(ID, 1, "blabaer.docx", "nb",
                "Rekordår for blåbær på Røros", "Aldri før har bærplukkerne funnet så mye.",
                "Kari Nordmann", LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 15),
                List.of(new Image("https://images.example/blabaer.jpg", "Blåbærlyng", "Bær i lyngen.", "Ola Foto")),
                List.of("Røros", "Natur"),
                List.of(new Block(BlockType.PARAGRAPH, "Sesongen startet tidlig i år."),
                        new Block(BlockType.HEADING, "Tørr sommer"),
                        new Block(BlockType.QUOTE, "Vi har aldri sett maken, sier plukkeren."),
                        new Block(BlockType.LIST, "Blåbær"),
                        new Block(BlockType.LIST, "Tyttebær"),
                        new Block(BlockType.CAPTION, "Plukkere på fjellet.")));
    }

    static Article english() {
        return new Article(ID, 1, "blabaer.docx", "en",
                "Record year for blueberries in Røros", "Pickers have never found so many.",
                "Kari Nordmann", LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 15),
                List.of(new Image("https://images.example/blabaer.jpg", "Blueberry heather", "Berries in the heather.", "Ola Foto")),
                List.of("Røros", "Nature"),
                List.of(new Block(BlockType.PARAGRAPH, "The season started early this year."),
                        new Block(BlockType.HEADING, "Dry summer"),
                        new Block(BlockType.QUOTE, "We have never seen anything like it, says the picker."),
                        new Block(BlockType.LIST, "Blueberries"),
                        new Block(BlockType.LIST, "Lingonberries"),
                        new Block(BlockType.CAPTION, "Pickers in the mountains.")));
    }

    /** Text a hostile source document could carry; it must stay text everywhere. */
    static Article hostile(String language) {
        return new Article("bad0000001", 1, "evil.html", language,
                "<script>alert('title')</script> \"Quoted\": yes # not a comment",
                "Lead with <b>tags</b> & {{< shortcode >}}",
                "Eve <eve@example.com>", LocalDate.of(2026, 1, 2), null,
                List.of(new Image("javascript:alert(1)", "\"><script>alert(2)</script>", "cap<tion>", null)),
                List.of("<i>tag</i>"),
                List.of(new Block(BlockType.PARAGRAPH, "<script>alert('body')</script>"),
                        new Block(BlockType.PARAGRAPH, "<img src=x onerror=alert(1)>"),
                        new Block(BlockType.PARAGRAPH, "<a href=\"javascript:alert(3)\">click</a>"),
                        new Block(BlockType.PARAGRAPH, "<iframe src=\"https://evil.example/\"></iframe>"),
                        new Block(BlockType.HEADING, "# [link](javascript:alert(4)) *bold*"),
                        new Block(BlockType.LIST, "1. not an ordered list")));
    }
}
