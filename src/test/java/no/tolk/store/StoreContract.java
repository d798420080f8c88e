package no.tolk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.ops.NightlyRuns;
import no.tolk.publish.Publication;
import no.tolk.publish.PublicationState;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Translation;
import no.tolk.translate.Usage;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the three stores, against whatever database a subclass provides: the embedded H2 and a
 * real PostgreSQL run the same tests, so the schema and the SQL stay portable.
 */
abstract class StoreContract {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A migrated, empty database. */
    abstract DataSource freshDatabase() throws Exception;

    @Test
    void anArticleGetsRevisionsAndAStateHistoryAndItsContentIsRecognisedAgain() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);

        Article first = store.saveExtracted(received("klyngemote.docx", "klyngemote", "hash-1"), article("Klyngemøte på Hamar", "Første utkast."));
        Article second = store.saveExtracted(received("klyngemote.docx", "klyngemote", "hash-2"), article("Klyngemøte på Hamar", "Andre utkast."));
        store.changeState(first.id(), ArticleState.FAILED, "motoren svarte ikke");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.revision()).isEqualTo(2);
        assertThat(store.findContent("hash-1")).hasValueSatisfying(content -> assertThat(content.revision()).isEqualTo(1));
        assertThat(store.findContent("hash-unknown")).isEmpty();
        assertThat(store.findArticle(first.id())).hasValueSatisfying(current -> {
            assertThat(current.revision()).isEqualTo(2);
            assertThat(current.blocks()).extracting(Block::text).containsExactly("Andre utkast.");
        });
        assertThat(store.listArticles()).singleElement().satisfies(summary -> {
            assertThat(summary.state()).isEqualTo("failed");
            assertThat(summary.lastError()).isEqualTo("motoren svarte ikke");
            assertThat(summary.updatedAt()).isEqualTo(NOW);
        });
        assertThat(store.countByState()).containsEntry("failed", 1);
        assertThat(store.history(first.id())).containsExactly(
                "null -> EXTRACTED: extracted from klyngemote.docx",
                "EXTRACTED -> EXTRACTED: extracted from klyngemote.docx",
                "EXTRACTED -> FAILED: motoren svarte ikke");
    }

    @Test
    void aGroupIsCommittedTogetherAndAnArticleTheStoreRefusesFailsAlone() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);
        store.saveExtracted(received("havbruk.docx", "havbruk", "hash-known"), article("Havbruk i Vesterålen", "Første utkast."));

        List<ArticleStore.GroupOutcome> outcomes = store.saveExtractedGroup(List.of(
                new ArticleStore.Extracted(received("tare.md", "tare", "hash-t"), article("Tare fra Helgeland", "Sukkertare.")),
                // the same bytes again under another name: the ledger's key refuses it
                new ArticleStore.Extracted(received("havbruk-kopi.docx", "havbruk-kopi", "hash-known"), article("Havbruk kopi", "Kopi.")),
                new ArticleStore.Extracted(received("tare.md", "tare", "hash-t2"), article("Tare fra Helgeland", "Andre utkast.")),
                new ArticleStore.Extracted(received("ferje.txt", "ferje", "hash-f"), article("Ny ferje til Lofoten", "Ferja går i juni."))));

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(1).article()).isNull();
        assertThat(outcomes.get(1).failure()).isInstanceOf(StoreException.class);
        assertThat(outcomes.get(0).article().revision()).isEqualTo(1);
        assertThat(outcomes.get(2).article().id()).as("a later article of the group sees an earlier one").isEqualTo(outcomes.get(0).article().id());
        assertThat(outcomes.get(2).article().revision()).isEqualTo(2);
        assertThat(outcomes.get(3).article().revision()).isEqualTo(1);
        JdbcArticleStore reopened = store; // every query takes a new connection: it sees committed rows only
        assertThat(reopened.listArticles()).extracting(ArticleSummary::title)
                .containsExactlyInAnyOrder("Havbruk i Vesterålen", "Tare fra Helgeland", "Ny ferje til Lofoten");
        assertThat(reopened.findContent("hash-known")).hasValueSatisfying(content -> assertThat(content.sourceFile()).isEqualTo("havbruk.docx"));
        assertThat(reopened.findContent("hash-t2")).isPresent();
        assertThat(reopened.history(outcomes.get(0).article().id())).hasSize(2);
    }

    @Test
    void quarantinedAndSkippedFilesAreRecordedWithTheirReason() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);

        ContentRecord broken = store.saveQuarantined(received("korrupt.docx", "korrupt", "hash-q"), "the file is corrupt");
        ContentRecord english = store.saveSkipped(received("english.txt", "english", "hash-s"),
                article("Cluster meeting in Hamar", "An English text."), "written in en");

        assertThat(broken.outcome()).isEqualTo(JdbcArticleStore.OUTCOME_QUARANTINED);
        assertThat(english.outcome()).isEqualTo(JdbcArticleStore.OUTCOME_SKIPPED);
        assertThat(store.countByState()).containsEntry("quarantined", 1).containsEntry("skipped", 1);
        assertThat(store.findContent("hash-q")).isPresent();
    }

    @Test
    void concurrentRevisionsOfOneArticleAreNumberedOneAfterAnotherWithoutConflicts() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);
        int writers = 6;
        int revisionsEach = 8;
        List<Callable<Article>> saves = new ArrayList<>();
        for (int i = 0; i < writers * revisionsEach; i++) {
            int version = i;
            saves.add(() -> store.saveExtracted(received("klyngemote.docx", "klyngemote", "hash-" + version),
                    article("Klyngemøte på Hamar", "Versjon " + version)));
        }

        List<Article> saved = runTogether(writers, saves);

        assertThat(saved).extracting(Article::revision).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, writers * revisionsEach).boxed().toList());
        assertThat(store.listArticles()).singleElement()
                .satisfies(summary -> assertThat(summary.revision()).isEqualTo(writers * revisionsEach));
        assertThat(store.history(saved.get(0).id())).hasSize(writers * revisionsEach);
    }

    @Test
    void filesWithTheSameTitleArrivingTogetherBecomeRevisionsOfOneArticle() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);
        List<Callable<Article>> saves = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int copy = i;
            saves.add(() -> store.saveExtracted(received("kopi-" + copy + ".txt", "kopi-" + copy, "hash-" + copy),
                    article("Tare fra Helgeland kan bli ny eksportvare", "Utkast " + copy)));
        }

        List<Article> saved = runTogether(4, saves);

        assertThat(saved).extracting(Article::id).containsOnly(saved.get(0).id());
        assertThat(store.listArticles()).singleElement()
                .satisfies(summary -> assertThat(summary.revision()).isEqualTo(4));
    }

    static final String HARBOUR = "Havnen i Florø får ny kai for hurtigbåter neste sommer. Kommunen har fått tilskudd fra staten,"
            + " og arbeidet starter i mars med mudring av innseilingen og nye fortøyninger.";
    static final String SCHOOL = "Tre skoler i Kinn kommune skal dele en ny ordning med leksehjelp etter skoletid. Elevene får"
            + " hjelp av lærerstudenter fra høgskulen to dager i uka fram til jul.";
    static final String LIBRARY = "Biblioteket i Måløy holder åpent på søndager fra februar. Meråpent bibliotek betyr at lånere kan"
            + " låse seg inn med bankkort og låne bøker selv når ingen ansatte er på jobb.";
    static final String ROAD = "Fylkesvegen mellom Eikefjord og Florø stenges om nettene i to uker mens en bru blir reparert."
            + " Omkjøring er skiltet, og bussene kjører som vanlig på dagtid.";
    static final String CHOIR = "Koret i Bremanger feirer femti år med en konsert i kirken lørdag. Gamle medlemmer er invitert til"
            + " å synge med i de siste sangene, og det blir kaffe og kaker etterpå.";

    @Test
    void documentsSharingOnlyATitleOrANameUpToTheExtensionAreSeparateArticles() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);

        List<Article> saved = List.of(
                store.saveExtracted(received("pressemelding.docx", "file:pressemelding", "h1"), article("Pressemelding", HARBOUR)),
                store.saveExtracted(received("pressemelding.pdf", "file:pressemelding", "h2"), article("Pressemelding", SCHOOL)),
                store.saveExtracted(received("Pressemelding.odt", "file:pressemelding", "h3"), article("Pressemelding", LIBRARY)),
                store.saveExtracted(received("nyhet-veg.txt", "file:nyhet-veg", "h4"), article("Pressemelding", ROAD)),
                store.saveExtracted(received("nyhet-kor.txt", "file:nyhet-kor", "h5"), article("Pressemelding", CHOIR)));

        assertThat(saved).extracting(Article::revision).containsOnly(1);
        assertThat(saved).extracting(Article::id).doesNotHaveDuplicates();
        assertThat(store.listArticles()).hasSize(5);
    }

    @Test
    void theSameFileNameOrASimilarTextMakesARevision() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);
        Article harbour = store.saveExtracted(received("pressemelding.docx", "file:pressemelding", "h1"), article("Pressemelding", HARBOUR));
        Article school = store.saveExtracted(received("pressemelding.pdf", "file:pressemelding", "h2"), article("Pressemelding", SCHOOL));

        // the same file again, rewritten from scratch: the name is the evidence
        Article sameName = store.saveExtracted(received("pressemelding.pdf", "file:pressemelding", "h3"), article("Ny kai i Florø", ROAD));
        // another name, the same title, the text edited in two places: the text is the evidence
        Article edited = store.saveExtracted(received("kai-florø-v2.docx", "file:kai-florø-v2", "h4"), article("Pressemelding",
                HARBOUR.replace("neste sommer", "i juni neste år").replace("i mars", "i april")));
        // a name written decomposed (NFD, as macOS does) is the same name as the composed one (NFC)
        Article nfc = store.saveExtracted(received("Årdal.docx", "file:årdal", "h5"), article("Årdal", LIBRARY));
        Article nfd = store.saveExtracted(received("A\u030Ardal.docx", "file:årdal", "h6"), article("Årdal kommune", CHOIR));

        assertThat(sameName.id()).isEqualTo(school.id());
        assertThat(sameName.revision()).isEqualTo(2);
        assertThat(edited.id()).isEqualTo(harbour.id());
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(nfd.id()).isEqualTo(nfc.id());
        assertThat(nfd.revision()).isEqualTo(2);
        assertThat(store.listArticles()).hasSize(3);
    }

    @Test
    void twoFeedItemsSharingOneGuidStayTwoArticles() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(freshDatabase(), clock);
        Article first = store.saveExtracted(received("https://kinn.no/nyhet/kai", "feed:https://kinn.no/?p=1", "f1"), article("Ny kai", HARBOUR));
        Article second = store.saveExtracted(received("https://kinn.no/nyhet/kor", "feed:https://kinn.no/?p=1", "f2"), article("Korjubileum", CHOIR));
        Article firstAgain = store.saveExtracted(received("https://kinn.no/nyhet/kai", "feed:https://kinn.no/?p=1", "f3"),
                article("Ny kai", HARBOUR + " Oppdatert med ny dato."));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store.findArticle(first.id())).hasValueSatisfying(a -> assertThat(a.title()).isEqualTo("Ny kai"));
        assertThat(firstAgain.id()).isEqualTo(first.id());
        assertThat(firstAgain.revision()).isEqualTo(2);
    }

    @Test
    void translationsTheirMemoryUsageAndRetriesAreStored() throws Exception {
        DataSource database = freshDatabase();
        JdbcArticleStore articles = new JdbcArticleStore(database, clock);
        JdbcTranslationStore translations = new JdbcTranslationStore(database, clock);
        Article source = articles.saveExtracted(received("tare.md", "tare", "hash-t"), article("Tare fra Helgeland", "Tre oppdrettere."));
        Article english = new Article(source.id(), source.revision(), source.sourceFile(), "en", "Kelp from Helgeland",
                null, null, null, null, List.of(), List.of(), List.of(new Block(BlockType.PARAGRAPH, "Three farmers.")));
        Translation translation = new Translation(source.id(), source.revision(), "en", english, "deepl",
                new Usage("deepl", null, 36, 1), List.of(new QaFinding("warning", "length", "shorter than the source")), NOW);

        translations.save(translation, Map.of("segment-hash", "Three farmers."), "nb");
        translations.save(translation, Map.of("segment-hash", "Three farmers."), "nb");
        translations.recordUsage(source.id(), "en", translation.usage());
        translations.scheduleRetry(source.id(), NOW.plus(Duration.ofMinutes(5)), "429 from DeepL");
        translations.setLastError(source.id(), "waiting for quota");

        assertThat(translations.find(source.id(), 1, "en")).hasValueSatisfying(found -> {
            assertThat(found.article().title()).isEqualTo("Kelp from Helgeland");
            assertThat(found.qa()).extracting(QaFinding::check).containsExactly("length");
            assertThat(found.createdAt()).isEqualTo(NOW);
        });
        assertThat(translations.findAll(source.id())).hasSize(1);
        assertThat(translations.remembered(List.of("segment-hash", "other-hash"), "nb", "en"))
                .containsExactly(Map.entry("segment-hash", "Three farmers."));
        assertThat(translations.usageOf(source.id())).containsExactly(new Usage("deepl", null, 36, 1));
        assertThat(translations.billedCharacters(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).containsEntry("deepl", 36L);
        assertThat(translations.retryAt(source.id())).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(articles.listArticles().get(0).lastError()).isEqualTo("waiting for quota");

        translations.resolved(source.id());

        assertThat(translations.retryAt(source.id())).isEmpty();
        assertThat(articles.listArticles().get(0).lastError()).isNull();
    }

    @Test
    void thePublicationLedgerRecordsAttemptsOutcomesAndExternalIds() throws Exception {
        DataSource database = freshDatabase();
        JdbcArticleStore articles = new JdbcArticleStore(database, clock);
        JdbcPublicationLedger ledger = new JdbcPublicationLedger(database, clock);
        String id = articles.saveExtracted(received("havvind.html", "havvind", "hash-p"), article("Havvind i Florø", "Testarena.")).id();

        ledger.attemptStarted(id, "cms", "nb", 1);
        assertThat(ledger.find(id, "cms", "nb")).hasValueSatisfying(started -> assertThat(started.outcomeUnknown()).isTrue());
        ledger.received(id, "cms", "nb", "post-17", "https://example.org/nb/havvind/");
        ledger.published(id, "cms", "nb", 1, null, null, null);
        ledger.attemptStarted(id, "mastodon", "en", 1);
        ledger.attemptFailed(id, "mastodon", "en", "422 Unprocessable Entity", true, true);

        assertThat(ledger.find(id, "cms", "nb")).hasValueSatisfying(published -> {
            assertThat(published.publishedAt(1)).isTrue();
            assertThat(published.externalId()).isEqualTo("post-17");
            assertThat(published.url()).isEqualTo("https://example.org/nb/havvind/");
            assertThat(published.outcomeUnknown()).isFalse();
        });
        assertThat(ledger.failed()).extracting(Publication::target).containsExactly("mastodon");
        assertThat(ledger.forArticle(id)).extracting(Publication::target).containsExactly("cms", "mastodon");
        assertThat(ledger.resetFailed(id)).isEqualTo(1);
        assertThat(ledger.find(id, "mastodon", "en")).hasValueSatisfying(reset -> {
            assertThat(reset.state()).isEqualTo(PublicationState.PENDING);
            assertThat(reset.attempts()).isZero();
        });
    }

    @Test
    void publishingRunsAreJournaled() throws Exception {
        DataSource database = freshDatabase();
        NightlyRuns runs = new NightlyRuns(() -> database, clock);

        long first = runs.started();
        runs.finished(first, false);
        runs.started();

        assertThat(runs.last()).hasValueSatisfying(last -> assertThat(last.outcome()).isEqualTo("running"));
        assertThat(new NightlyRuns(() -> database, clock).last())
                .hasValueSatisfying(last -> assertThat(last.outcome()).isEqualTo("interrupted"));
    }

    @Test
    void twoInstancesClaimingTogetherNeverGetTheSameArticle() throws Exception {
        DataSource database = freshDatabase();
        JdbcArticleStore store = new JdbcArticleStore(database, clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(store.saveExtracted(received("sak-" + i + ".txt", "sak-" + i, "hash-claim-" + i),
                    article("Sak nummer " + i, "Tekst " + i + " om noe helt eget.")).id());
        }
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (String owner : List.of("instance-a", "instance-b", "instance-c")) {
            WorkClaims claims = new WorkClaims(database, owner, Duration.ofSeconds(60), clock);
            claimers.add(() -> {
                List<String> mine = new ArrayList<>();
                List<ArticleSummary> batch;
                do {
                    batch = claims.claimInState("translate", ArticleState.EXTRACTED, 4, List.of());
                    batch.forEach(summary -> mine.add(summary.id()));
                } while (!batch.isEmpty());
                return mine;
            });
        }

        List<List<String>> claimed = runTogether(3, claimers);

        List<String> all = claimed.stream().flatMap(List::stream).toList();
        assertThat(all).as("every article claimed exactly once").containsExactlyInAnyOrderElementsOf(ids);
        WorkClaims viewer = new WorkClaims(database, "viewer", Duration.ofSeconds(60), clock);
        assertThat(viewer.current()).hasSize(60).allSatisfy(claim -> {
            assertThat(claim.owner()).startsWith("instance-");
            assertThat(claim.stage()).isEqualTo("translate");
            assertThat(claim.leaseUntil()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(viewer.claimInState("translate", ArticleState.EXTRACTED, 100, List.of())).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherInstanceAndARenewedOneIsNot() throws Exception {
        DataSource database = freshDatabase();
        MovableClock time = new MovableClock(NOW);
        JdbcArticleStore store = new JdbcArticleStore(database, clock);
        String id = store.saveExtracted(received("sak.txt", "sak", "hash-lease"), article("Sak", "Tekst.")).id();
        WorkClaims killed = new WorkClaims(database, "instance-killed", Duration.ofSeconds(60), time);
        WorkClaims other = new WorkClaims(database, "instance-other", Duration.ofSeconds(60), time);

        assertThat(killed.claimInState("translate", ArticleState.EXTRACTED, 10, List.of())).extracting(ArticleSummary::id).containsExactly(id);
        time.advance(Duration.ofSeconds(50));
        assertThat(killed.renew()).isEqualTo(1);
        time.advance(Duration.ofSeconds(50));
        assertThat(other.claimInState("translate", ArticleState.EXTRACTED, 10, List.of())).as("renewed at +50 s: held until +110 s").isEmpty();
        assertThat(other.claim("publish", id)).isFalse();
        assertThat(killed.holds(id)).isTrue();

        time.advance(Duration.ofSeconds(11));
        assertThat(killed.holds(id)).as("lease ran out at +110 s").isFalse();
        assertThat(other.claimInState("translate", ArticleState.EXTRACTED, 10, List.of())).extracting(ArticleSummary::id).containsExactly(id);
        assertThat(other.holds(id)).isTrue();
        assertThat(killed.renew()).as("a lost lease is not renewed").isZero();
        killed.release(id);
        assertThat(other.holds(id)).as("releasing what another holds changes nothing").isTrue();
        assertThat(other.current()).singleElement().satisfies(claim -> {
            assertThat(claim.owner()).isEqualTo("instance-other");
            assertThat(claim.leaseUntil()).isEqualTo(NOW.plusSeconds(171));
        });
        other.release(id);
        assertThat(other.current()).isEmpty();
        assertThat(killed.claim("translate", id)).isTrue();
        assertThat(killed.recover(false)).isEqualTo(1);
        assertThat(other.current()).isEmpty();
    }

    @Test
    void dueTranslationsAreChosenByStateAndRetryTime() throws Exception {
        DataSource database = freshDatabase();
        JdbcArticleStore store = new JdbcArticleStore(database, clock);
        JdbcTranslationStore translations = new JdbcTranslationStore(database, clock);
        String extracted = store.saveExtracted(received("a.txt", "a", "hash-a"), article("Alfa", "Første tekst her.")).id();
        String waitingLater = store.saveExtracted(received("b.txt", "b", "hash-b"), article("Beta", "Andre tekst der.")).id();
        String waitingDue = store.saveExtracted(received("c.txt", "c", "hash-c"), article("Gamma", "Tredje tekst hist.")).id();
        String awaiting = store.saveExtracted(received("d.txt", "d", "hash-d"), article("Delta", "Fjerde tekst pist.")).id();
        String awaitingOther = store.saveExtracted(received("e.txt", "e", "hash-e"), article("Epsilon", "Femte tekst vist.")).id();
        String published = store.saveExtracted(received("f.txt", "f", "hash-f"), article("Zeta", "Sjette tekst mist.")).id();
        store.changeState(waitingLater, ArticleState.WAITING_FOR_QUOTA, "kvote");
        translations.scheduleRetry(waitingLater, NOW.plusSeconds(3600), "kvote");
        store.changeState(waitingDue, ArticleState.WAITING_FOR_QUOTA, "kvote");
        translations.scheduleRetry(waitingDue, NOW.minusSeconds(1), "kvote");
        store.changeState(awaiting, ArticleState.AWAITING_TRANSLATION, "xliff");
        store.changeState(awaitingOther, ArticleState.AWAITING_TRANSLATION, "xliff");
        store.changeState(published, ArticleState.PUBLISHED, "ute");
        WorkClaims claims = new WorkClaims(database, "instance-a", Duration.ofSeconds(60), clock);

        List<ArticleSummary> due = claims.claimTranslations(List.of(awaiting + "/1", awaitingOther + "/2"), true, NOW, 100, List.of(extracted));

        assertThat(due).extracting(ArticleSummary::id).containsExactlyInAnyOrder(waitingDue, awaiting);
        assertThat(store.findSummary(awaiting)).hasValueSatisfying(summary -> assertThat(summary.state()).isEqualTo("awaiting_translation"));
        assertThat(store.listInState(ArticleState.WAITING_FOR_QUOTA)).extracting(ArticleSummary::id).containsExactly(waitingLater, waitingDue);
        assertThat(store.findSummary("no-such-id")).isEmpty();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static <T> List<T> runTogether(int threads, List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(work)) results.add(result.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Received received(String name, String sourceKey, String hash) {
        return new Received(name, sourceKey, hash, null);
    }

    private static Article article(String title, String paragraph) {
        return new Article(null, 0, "kilde.txt", "nb", title, null, null, null, null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, paragraph)));
    }
}
