package no.tolk.publish.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.Test;

class PostComposerTest {

    private static final String LEAD = "Regjeringen foreslår å øke støtten til lokalaviser i Nord-Norge og på Vestlandet, "
            + "og vil samtidig gjøre det enklere for små redaksjoner å søke om produksjonstilskudd. Forslaget får "
            + "blandet mottakelse: Mediebedriftenes Landsforening er fornøyd, mens flere små aviser i Finnmark og "
            + "Troms mener ordningen fortsatt favoriserer de største konsernene. Kulturministeren sier at endringene "
            + "skal tre i kraft fra 1. januar, og at særlig aviser med færre enn ti ansatte vil merke forskjellen. "
            + "Opposisjonen på Stortinget krever likevel en grundigere utredning før vedtaket, og Høyre varsler at "
            + "partiet vil fremme et eget forslag om å øremerke midler til gravende journalistikk i distriktene.";
    private static final String TITLE = "Regjeringen vil gi mer støtte til små lokalaviser i nord";
    private static final URI URL = URI.create("https://tolk.example.no/nb/nyheter/2026/11/26/"
            + "regjeringen-vil-gi-mer-stotte-til-sma-lokalaviser-i-nord-og-pa-vestlandet?utm_source=social");
    private static final PostComposer COMPOSER = new PostComposer(Map.of(
            "nb", PostComposer.hashtags("nyheter, Norge #lokalavis"),
            "en", PostComposer.hashtags("news Norway")));

    private static Article article(String title, String lead) {
        return new Article("a-2026-0042", 3, "lokalaviser.docx", "nb", title, lead, "Kari Nordmann",
                LocalDate.of(2026, 11, 26), null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Første avsnitt i brødteksten.")));
    }

    private static void assertCutAtWordBoundary(String excerpt, String lead) {
        assertThat(excerpt).endsWith("…");
        String kept = excerpt.substring(0, excerpt.length() - 1);
        assertThat(lead).startsWith(kept);
        char next = lead.charAt(kept.length());
        assertThat(Character.isWhitespace(next) || ",;:".indexOf(next) >= 0)
                .as("'%s' must end where a word ends, but the lead goes on with '%s'", kept, next).isTrue();
        assertThat(Character.isLetterOrDigit(kept.charAt(kept.length() - 1)) || ".!?".indexOf(kept.charAt(kept.length() - 1)) >= 0)
                .isTrue();
    }

    @Test
    void mastodonCountsGraphemesWithEveryUrlAs23() {
        GraphemeRule rule = new GraphemeRule(500, 23, 0);
        assertThat(rule.length("Les mer: " + URL)).isEqualTo("Les mer: ".length() + 23);
        assertThat(rule.length("æøå ÆØÅ")).isEqualTo(7);
        assertThat(rule.length("👨‍👩‍👧‍👦🇳🇴👍🏽")).isEqualTo(3);

        SocialPost post = COMPOSER.compose(article(TITLE, LEAD), URL, "mastodon", rule);

        assertThat(post.text()).hasSizeGreaterThan(500); // the URL alone is 140 characters written out
        assertThat(rule.length(post.text())).isLessThanOrEqualTo(500).isGreaterThan(450);
        assertThat(post.text()).startsWith(TITLE + "\n\n").contains("\n\n" + URL + "\n\n")
                .endsWith("#nyheter #Norge #lokalavis");
        assertCutAtWordBoundary(post.excerpt(), LEAD);
        assertThat(post.hashtags()).containsExactly("#nyheter", "#Norge", "#lokalavis");
    }

    @Test
    void blueskyCountsGraphemesSoEmojiSequencesAndFlagsCountOnce() {
        LengthRule rule = Platform.BLUESKY.defaultRule();
        assertThat(rule.length("👨‍👩‍👧‍👦")).isEqualTo(1);
        assertThat(rule.length("🏳️‍🌈")).isEqualTo(1);
        assertThat(rule.length("🇳🇴🇸🇪")).isEqualTo(2);
        assertThat(rule.length("👩🏽‍💻")).isEqualTo(1);
        assertThat(rule.length(URL.toString())).isEqualTo(URL.toString().length());

        String title = "🇳🇴 Jubel i Tromsø 👨‍👩‍👧‍👦 – familiene fikk nøklene";
        SocialPost post = COMPOSER.compose(article(title, LEAD), URL, "bluesky", rule);

        assertThat(post.text()).startsWith(title);
        int graphemes = Graphemes.count(post.text());
        assertThat(graphemes).isEqualTo(rule.length(post.text())).isLessThanOrEqualTo(300).isGreaterThan(260);
        assertThat(post.text().codePointCount(0, post.text().length())).isGreaterThan(graphemes);
        assertCutAtWordBoundary(post.excerpt(), LEAD);
    }

    @Test
    void blueskyAlsoLimitsUtf8Bytes() {
        LengthRule rule = Platform.BLUESKY.defaultRule();
        String families = "👨‍👩‍👧‍👦".repeat(200);
        assertThat(rule.length(families)).isEqualTo(200);
        assertThat(families.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(3000);
        assertThat(rule.fits(families)).isFalse();
    }

    @Test
    void xWeighsCjkAndEmojiTwiceAndUrlsAs23() {
        WeightedRule rule = new WeightedRule(280, 23);
        assertThat(rule.length("æøå")).isEqualTo(3);
        assertThat(rule.length("日本語")).isEqualTo(6);
        assertThat(rule.length("👨‍👩‍👧‍👦")).isEqualTo(2);
        assertThat(rule.length("🇳🇴")).isEqualTo(2);
        assertThat(rule.length("❤️")).isEqualTo(2);
        assertThat(rule.length("“sitat” – 2026")).isEqualTo(14);
        assertThat(rule.length("e\u0301")).as("NFC turns e + combining acute into é").isEqualTo(1);
        assertThat(rule.length(URL.toString())).isEqualTo(23);
        assertThat(rule.length("Se " + URL + ".")).isEqualTo(3 + 23 + 1);

        SocialPost post = COMPOSER.compose(article("東京で会議 👨‍👩‍👧‍👦 " + TITLE, LEAD), URL, "x", rule);

        assertThat(rule.length(post.text())).isLessThanOrEqualTo(280).isGreaterThan(250);
        assertThat(post.text()).contains(URL.toString());
        assertCutAtWordBoundary(post.excerpt(), LEAD);
    }

    @Test
    void combiningCharactersStayWithTheirBaseAndCountOnce() {
        String sami = "Sa\u0301mi q\u0303 n\u0308"; // á composes under NFC; q̃ and n̈ have no precomposed form
        assertThat(Graphemes.count(sami)).isEqualTo(8);
        assertThat(new GraphemeRule(500, -1, 0).length("q\u0303")).isEqualTo(1);

        String lead = ("Ordet q\u0303 og n\u0308 står i teksten. ").repeat(30).strip();
        SocialPost post = COMPOSER.compose(article("Diakritiske tegn", lead), URL, "bluesky",
                Platform.BLUESKY.defaultRule());

        assertThat(post.text()).contains("q\u0303");
        assertThat(Graphemes.of(post.excerpt())).noneMatch(cluster -> Character.getType(cluster.codePointAt(0))
                == Character.NON_SPACING_MARK);
        assertCutAtWordBoundary(post.excerpt(), lead);
        assertThat(Graphemes.count(post.text())).isLessThanOrEqualTo(300);
    }

    @Test
    void aTitleLongerThanTheLimitIsCutAtAWordBoundaryAndTheUrlIsKept() {
        String title = ("Svært lang tittel om kommunesammenslåing på Østlandet og i Trøndelag ").repeat(8).strip();
        SocialPost post = COMPOSER.compose(article(title, LEAD), URL, "bluesky", Platform.BLUESKY.defaultRule());

        assertThat(post.excerpt()).isEmpty();
        assertThat(post.hashtags()).isEmpty();
        assertCutAtWordBoundary(post.title(), title);
        assertThat(post.text()).isEqualTo(post.title() + "\n\n" + URL);
        assertThat(Graphemes.count(post.text())).isLessThanOrEqualTo(300).isGreaterThan(280);
    }

    @Test
    void hashtagsAreDroppedFromTheEndToLeaveRoomForAFewWordsOfTheLead() {
        // 203 characters: title + URL + all hashtags fit in 280, but five words of the lead only fit with one tag
        String title = "Statsbudsjettet: " + "dette er de viktigste endringene for kommunene i år ".repeat(3).strip()
                + " og dessuten for fylkene i nord";
        LengthRule rule = Platform.X.defaultRule();
        assertThat(rule.fits(PostComposer.layout(title, "", URL.toString(), List.of("#nyheter", "#Norge", "#lokalavis"))))
                .isTrue();

        SocialPost post = COMPOSER.compose(article(title, LEAD), URL, "x", rule);

        assertThat(post.title()).isEqualTo(title);
        assertThat(post.hashtags()).containsExactly("#nyheter");
        assertCutAtWordBoundary(post.excerpt(), LEAD);
        assertThat(post.excerpt().split(" ")).hasSizeGreaterThanOrEqualTo(PostComposer.MIN_EXCERPT_WORDS);
        assertThat(rule.length(post.text())).isLessThanOrEqualTo(280);
    }

    @Test
    void aStubOfTheLeadIsLeftOutRatherThanPosted() {
        String title = "Statsbudsjettet: " + "dette er de viktigste endringene for kommunene i år ".repeat(4).strip()
                + " og fylkene";
        SocialPost post = COMPOSER.compose(article(title, LEAD), URL, "x", Platform.X.defaultRule());

        assertThat(post.title()).isEqualTo(title);
        assertThat(post.excerpt()).isEmpty();
        assertThat(post.hashtags()).isEmpty();
        assertThat(post.text()).isEqualTo(title + "\n\n" + URL);
    }

    @Test
    void linkedInAndFacebookKeepAShortLeadWhole() {
        SocialPost linkedIn = COMPOSER.compose(article(TITLE, "Kort ingress om støtte."), URL, "linkedin",
                Platform.LINKEDIN.defaultRule());
        assertThat(linkedIn.excerpt()).isEqualTo("Kort ingress om støtte.");

        SocialPost longLinkedIn = COMPOSER.compose(article(TITLE, LEAD), URL, "linkedin", Platform.LINKEDIN.defaultRule());
        assertThat(longLinkedIn.excerpt()).isEqualTo(LEAD);
        assertThat(longLinkedIn.text().length()).isLessThanOrEqualTo(3000);

        SocialPost facebook = COMPOSER.compose(article(TITLE, LEAD), URL, "facebook", Platform.FACEBOOK.defaultRule());
        assertThat(Graphemes.count(facebook.text())).isLessThanOrEqualTo(500);
        assertCutAtWordBoundary(facebook.excerpt(), LEAD);
    }

    @Test
    void withoutALeadTheFirstParagraphIsTheExcerptAndHashtagsFollowTheLanguage() {
        Article english = article("Support for local papers", null).withLanguage("en");
        SocialPost post = COMPOSER.compose(english, URI.create("https://tolk.example.no/en/local-papers"), "mastodon",
                Platform.MASTODON.defaultRule());

        assertThat(post.language()).isEqualTo("en");
        assertThat(post.excerpt()).isEqualTo("Første avsnitt i brødteksten.");
        assertThat(post.text()).isEqualTo("Support for local papers\n\nFørste avsnitt i brødteksten.\n\n"
                + "https://tolk.example.no/en/local-papers\n\n#news #Norway");
    }

    @Test
    void whitespaceIsCollapsedAndTextIsNfcNormalised() {
        SocialPost post = COMPOSER.compose(article("  Tittel\n med\tlinjeskift ", "Ingress  med  Tromso\u0308."), URL,
                "mastodon", Platform.MASTODON.defaultRule());
        assertThat(post.title()).isEqualTo("Tittel med linjeskift");
        assertThat(post.excerpt()).isEqualTo("Ingress med Tromsö.");
    }

    @Test
    void aUrlLongerThanTheLimitIsRefused() {
        URI huge = URI.create("https://tolk.example.no/" + "a".repeat(400));
        assertThatThrownBy(() -> COMPOSER.compose(article(TITLE, LEAD), huge, "bluesky", Platform.BLUESKY.defaultRule()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bluesky");
    }

    @Test
    void hashtagConfigurationAcceptsCommasSpacesAndHashes() {
        assertThat(PostComposer.hashtags(" nyheter,#Norge  lokal-avis, ,#ærlig ")).containsExactly(
                "#nyheter", "#Norge", "#lokalavis", "#ærlig");
        assertThat(PostComposer.hashtags("")).isEmpty();
    }

    @Test
    void idempotencyKeyDependsOnArticleRevisionChannelAndLanguage() {
        SocialPost nb = COMPOSER.compose(article(TITLE, LEAD), URL, "mastodon", Platform.MASTODON.defaultRule());
        SocialPost again = COMPOSER.compose(article(TITLE, LEAD), URL, "mastodon", Platform.MASTODON.defaultRule());
        SocialPost en = COMPOSER.compose(article(TITLE, LEAD).withLanguage("en"), URL, "mastodon",
                Platform.MASTODON.defaultRule());
        SocialPost revised = COMPOSER.compose(article(TITLE, LEAD).withIdentity("a-2026-0042", 4), URL, "mastodon",
                Platform.MASTODON.defaultRule());
        assertThat(nb.idempotencyKey()).isEqualTo(again.idempotencyKey())
                .isNotEqualTo(en.idempotencyKey()).isNotEqualTo(revised.idempotencyKey());
        assertThat(nb.slug()).isEqualTo("a-2026-0042-r3-nb");
    }
}
