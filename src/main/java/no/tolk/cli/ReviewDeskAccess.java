package no.tolk.cli;

import java.time.Clock;
import javax.sql.DataSource;
import no.tolk.config.Settings;
import no.tolk.publish.LedgerReviewDesk;
import no.tolk.publish.ReviewDesk;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.store.JdbcTranslationStore;

/** The review desk over the shared database, for commands that work alongside a running service. */
final class ReviewDeskAccess {

    private ReviewDeskAccess() {
    }

    static ReviewDesk open(Settings settings) {
        DataSource dataSource = StoreAccess.open(settings);
        JdbcTranslationStore translations = new JdbcTranslationStore(dataSource, Clock.systemUTC());
        return new LedgerReviewDesk(new JdbcArticleStore(dataSource), new JdbcPublicationLedger(dataSource, Clock.systemUTC()),
                settings.get("tolk.publish.mode", "immediate"), () -> translations, Clock.systemUTC());
    }

    /** Who runs the command, for the article's history: {@code cli:<os user>}. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
