package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tolk.RunningPipeline;
import no.tolk.Samples;
import no.tolk.article.ArticleState;
import no.tolk.publish.ReviewDesk;
import no.tolk.store.ArticleStore;
import org.apache.camel.builder.RouteBuilder;
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

            assertThat(pipeline.approve("abc")).contains("no review desk").contains("nothing was changed");
            assertThat(pipeline.publishNow()).contains("no publish stage");
            assertThat(pipeline.getLastNightlyRun()).isEmpty();
            assertThat(pipeline.getTranslationMemoryHitRate()).isEqualTo(-1);

            Samples.drop(Samples.good("md"), home.resolve("inbox"));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.countByState().getOrDefault("extracted", 0) == 1);
            String id = store.listArticles().get(0).id();
            assertThat(pipeline.getArticlesPerState()).containsEntry("extracted", 1).containsEntry("published", 0);
            assertThat(pipeline.getOldestWaitingArticle()).containsEntry("id", id).containsEntry("state", "extracted");

            List<String> desk = new ArrayList<>();
            running.context().getRegistry().bind("reviewDesk", ReviewDesk.class, new ReviewDesk() {
                public String approve(String articleId) {
                    desk.add("approve " + articleId);
                    return "Approved " + articleId;
                }

                public String reject(String articleId, String reason) {
                    throw new IllegalArgumentException("no article with id " + articleId);
                }

                public String retry(String articleId) {
                    return "Retrying " + articleId;
                }

                public int retryAllFailed(String cause) {
                    desk.add("retryAll " + cause);
                    return 3;
                }
            });
            assertThat(pipeline.approve(id)).isEqualTo("Approved " + id);
            assertThat(pipeline.retryAllFailed("456")).startsWith("3 failed article(s)").contains("'456'");
            assertThat(desk).containsExactly("approve " + id, "retryAll 456");
            assertThatThrownBy(() -> pipeline.reject("nope", "wrong facts"))
                    .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("no article with id nope");

            // a stand-in for the publish stage's nightly route: publishes the article
            // a lambda, not a RouteBuilder subclass: Camel Main's package scan would pick up a class under no.tolk
            RouteBuilder.addRoutes(running.context(), routes -> routes.from(Pipeline.PUBLISH_NOW).routeId(NightlyRuns.ROUTE_ID)
                    .process(exchange -> store.changeState(id, ArticleState.PUBLISHED, "published by the test")));
            // the supervising route controller leaves routes added after startup stopped
            running.context().getRouteController().startRoute(NightlyRuns.ROUTE_ID);
            assertThat(pipeline.publishNow()).contains("Publishing started");
            await().atMost(Duration.ofSeconds(10)).until(() -> !"running".equals(pipeline.getLastNightlyRun().getOrDefault("end", "running")));
            Map<String, String> run = pipeline.getLastNightlyRun();
            assertThat(run).containsEntry("published", "1").containsEntry("failed", "0").containsEntry("outcome", "completed");
            assertThat(pipeline.getOldestWaitingArticle()).isEmpty();
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
