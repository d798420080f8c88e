package no.tolk.cli;

import java.time.Clock;
import javax.sql.DataSource;
import no.tolk.config.Settings;
import no.tolk.publish.LedgerReviewDesk;
import no.tolk.publish.ReviewDesk;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcPublicationLedger;

/** The review desk over the shared database, for commands that work alongside a running service. */
final class ReviewDeskAccess {

    private ReviewDeskAccess() {
    }

    static ReviewDesk open(Settings settings) {
        DataSource dataSource = StoreAccess.open(settings);
        return new LedgerReviewDesk(new JdbcArticleStore(dataSource), new JdbcPublicationLedger(dataSource, Clock.systemUTC()),
                settings.get("tolk.publish.mode", "immediate"));
    }
}
