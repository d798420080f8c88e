package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.tolk.RunningPipeline;
import no.tolk.Samples;
import no.tolk.article.ArticleState;
import no.tolk.store.ArticleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pipeline MBean's operations against the real application, with and without the later stages' beans. */
class PipelineOperationsTest {

    @TempDir
    Path home;

    @Test
    void operationsSayWhatIsMissingThenUseTheStagesOnceTheyAreThere() throws Exception {
        try (RunningPipeline running = RunningPipeline.start(home)) {
            Pipeline pipeline = running.bean("pipeline", Pipeline.class);
            ArticleStore store = running.bean("articleStore", ArticleStore.class);

            assertThat(pipeline.approve("abc")).as("the publish stage's review desk answers").isEqualTo("No article with id abc.");
            assertThat(pipeline.getLastNightlyRun()).isEmpty();

            Samples.drop(Samples.good("md"), home.resolve("inbox"));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.countByState().getOrDefault("extracted", 0) == 1);
            String id = store.listArticles().get(0).id();
            assertThat(pipeline.getArticlesPerState()).containsEntry("extracted", 1).containsEntry("published", 0);
            assertThat(pipeline.getOldestWaitingArticle()).containsEntry("id", id).containsEntry("state", "extracted");

            assertThat(pipeline.approve(id)).contains("only a translated article or one in review can be approved");
            store.changeState(id, ArticleState.IN_REVIEW, "translated by the test");
            pipeline.approve(id);
            assertThat(store.listArticles().get(0).state()).isEqualTo("approved");
            assertThat(pipeline.retryAllFailed("456")).startsWith("0 failed article(s)").contains("'456'");

            assertThat(pipeline.publishNow()).contains("Publishing started");
            await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.getLastNightlyRun().containsKey("end")
                    && !"running".equals(pipeline.getLastNightlyRun().get("end")));
            Map<String, String> run = pipeline.getLastNightlyRun();
            assertThat(run).as("the approved article has no translation yet, so the run fails it and says why")
                    .containsEntry("published", "0").containsEntry("failed", "1").containsEntry("outcome", "completed");
            assertThat(store.listArticles().get(0).state()).isEqualTo("failed");
            assertThat(store.listArticles().get(0).lastError()).containsIgnoringCase("translation");
        }
    }

    @Test
    void pauseAndResumeIngest() throws Exception {
        try (RunningPipeline running = RunningPipeline.start(home)) {
            Pipeline pipeline = running.bean("pipeline", Pipeline.class);
            assertThat(pipeline.pauseIngest()).contains("ingest-inbox", "ingest-feeds");
            assertThat(running.context().getRouteController().getRouteStatus("ingest-inbox").isSuspended()).isTrue();
            assertThat(running.context().getRouteController().getRouteStatus("ingest-feeds").isSuspended()).isTrue();
            assertThat(running.context().getRouteController().getRouteStatus("extract-article").isStarted()).isTrue();

            Path dropped = Samples.drop(Samples.good("txt"), home.resolve("inbox"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> java.nio.file.Files.exists(dropped));

            pipeline.resumeIngest();
            assertThat(running.context().getRouteController().getRouteStatus("ingest-inbox").isStarted()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> !java.nio.file.Files.exists(dropped));
        }
    }
}
