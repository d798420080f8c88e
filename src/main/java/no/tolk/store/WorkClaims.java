package no.tolk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import no.tolk.article.ArticleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims on due work, so that several Tolk instances sharing one store never work on the same article at once
 * (issue 15). A claim is three columns of the article row (V30): the owner ({@code tolk.instance.id}), the stage
 * and {@code lease_until}. A stage takes due articles with {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL
 * 9.5+, H2 2.2+): rows another instance is claiming at that moment are skipped, not waited for. The lease is
 * set in the same transaction, guarded by a compare-and-set on the lease, so a row is claimed by one instance even
 * where the database re-reads nothing after a lock wait. The holder renews its leases while it works
 * ({@link #renew}, every {@code tolk.claims.renew-interval}) and releases each article when done
 * ({@link #release}); a lease that ran out (its holder was killed or hangs) is free for any instance, so a dead
 * instance's articles are taken by another within one lease time ({@code tolk.claims.lease}).
 * Times come from this instance's clock: instances sharing a store need synchronised clocks (NTP), with an
 * error well under the lease.
 */
public class WorkClaims {

    private static final Logger LOG = LoggerFactory.getLogger(WorkClaims.class);
    /** Default lease: long enough for a slow engine call between two renewals, short enough for recovery. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final String SUMMARY = "select id, title, state, current_revision, last_error, updated_at from article";
    /** Most ids in one claim statement's exclusion list: keeps statements small whatever the backlog. */
    private static final int MAX_EXCLUDED = 500;

    /** A held claim, for {@code status} and JMX. */
    public record Claim(String articleId, String owner, String stage, Instant leaseUntil) {
    }

    private final Sql database;
    private final String owner;
    private final Duration lease;
    private final Clock clock;

    /**
     * @param owner this instance's id ({@link InstanceIdentity#resolve})
     * @param lease how long a claim holds without renewal
     */
    public WorkClaims(DataSource dataSource, String owner, Duration lease, Clock clock) {
        this.database = new Sql(dataSource, "work claims");
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    public String owner() {
        return owner;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Claims up to {@code limit} articles in {@code state} that nobody holds, oldest change first, leaving out
     * {@code exclude} (articles this poll handled already). Returns the claimed articles as they are now.
     */
    public List<ArticleSummary> claimInState(String stage, ArticleState state, int limit, Collection<String> exclude) {
        return claim(stage, "a.state = ?", List.of(state.name()), limit, exclude);
    }

    /**
     * Claims those of {@code articleIds} that are in {@code state} and free (publication retries the ledger named).
     */
    public List<ArticleSummary> claimArticles(String stage, ArticleState state, Collection<String> articleIds) {
        if (articleIds.isEmpty()) return List.of();
        List<ArticleSummary> claimed = new ArrayList<>();
        List<String> ids = List.copyOf(articleIds);
        for (int from = 0; from < ids.size(); from += MAX_EXCLUDED) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + MAX_EXCLUDED));
            List<Object> parameters = new ArrayList<>();
            parameters.add(state.name());
            parameters.addAll(part);
            claimed.addAll(claim(stage, "a.state = ? and a.id in (" + placeholders(part.size()) + ")", parameters, part.size(), List.of()));
        }
        return claimed;
    }

    /**
     * Claims the articles the translation stage has to work on: extracted ones; those waiting for quota whose retry
     * time ({@code translation_retry.next_attempt_at}) has come; failed ones with a retry scheduled, when
     * {@code includeFailed}; and those awaiting a human translation whose file for their current revision came back
     * ({@code returned}: "id/revision"). {@code dueBy}: the stage's now, for the retry times.
     */
    public List<ArticleSummary> claimTranslations(Collection<String> returned, boolean includeFailed, Instant dueBy, int limit,
            Collection<String> exclude) {
        Timestamp now = Timestamp.from(dueBy);
        StringBuilder condition = new StringBuilder("a.state in ('EXTRACTED', 'WAITING_FOR_QUOTA', 'FAILED', 'AWAITING_TRANSLATION') and (")
                .append("a.state = 'EXTRACTED'")
                .append(" or (a.state = 'WAITING_FOR_QUOTA' and not exists (select 1 from translation_retry r")
                .append(" where r.article_id = a.id and r.next_attempt_at > ?))");
        List<Object> parameters = new ArrayList<>(List.of(now));
        if (includeFailed) {
            condition.append(" or (a.state = 'FAILED' and exists (select 1 from translation_retry r where r.article_id = a.id))");
        }
        List<String> back = returned.stream().limit(MAX_EXCLUDED).toList();
        if (!back.isEmpty()) {
            condition.append(" or (a.state = 'AWAITING_TRANSLATION' and (");
            for (int i = 0; i < back.size(); i++) {
                String[] key = back.get(i).split("/", 2);
                if (i > 0) condition.append(" or ");
                condition.append("(a.id = ? and a.current_revision = ?)");
                parameters.add(key[0]);
                parameters.add(Integer.parseInt(key[1]));
            }
            condition.append("))");
        }
        condition.append(')');
        return claim("translate", condition.toString(), parameters, limit, exclude);
    }

    /**
     * Claims one article whatever its state, for work a person asked for on that article (publish one, retry one).
     * @return false when another claim holds it (also one of this instance: another thread works on it)
     */
    public boolean claim(String stage, String articleId) {
        return !claim(stage, "a.id = ?", List.of(articleId), 1, List.of()).isEmpty();
    }

    /** True while this instance holds an unexpired claim on the article: checked before any outside call. */
    public boolean holds(String articleId) {
        return !database.query("select 1 from article where id = ? and claimed_by = ? and lease_until >= ?",
                rs -> 1, articleId, owner, Timestamp.from(clock.instant())).isEmpty();
    }

    /** Gives the article back (done with it, whatever the outcome); a claim held by another instance stays. */
    public void release(String articleId) {
        database.update("update article set claimed_by = null, claim_stage = null, lease_until = null"
                + " where id = ? and claimed_by = ?", articleId, owner);
    }

    /** Extends every lease this instance holds by one lease time from now; returns how many. */
    public int renew() {
        Instant now = clock.instant();
        return database.update("update article set lease_until = ? where claimed_by = ? and lease_until >= ?",
                Timestamp.from(now.plus(lease)), owner, Timestamp.from(now));
    }

    /**
     * At start: gives back the claims a previous process left. With {@code everyOwner} (the embedded database,
     * where the home lock makes this the only process working on it) every claim; else only those under this
     * instance's own id, which no other running instance uses. Returns how many were released.
     */
    public int recover(boolean everyOwner) {
        int released = everyOwner
                ? database.update("update article set claimed_by = null, claim_stage = null, lease_until = null where claimed_by is not null")
                : database.update("update article set claimed_by = null, claim_stage = null, lease_until = null where claimed_by = ?", owner);
        if (released > 0) LOG.info("Released {} claim(s) left by a previous process", released);
        return released;
    }

    /** Every claim in the store with an unexpired lease, by owner then article. */
    public List<Claim> current() {
        return database.query("select id, claimed_by, claim_stage, lease_until from article where claimed_by is not null"
                        + " and lease_until >= ? order by claimed_by, id",
                rs -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                Timestamp.from(clock.instant()));
    }

    private List<ArticleSummary> claim(String stage, String condition, List<Object> parameters, int limit, Collection<String> exclude) {
        if (limit <= 0) return List.of();
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(lease));
        List<String> excluded = exclude.stream().limit(MAX_EXCLUDED).toList();
        StringBuilder sql = new StringBuilder("select a.id from article a where ").append(condition)
                .append(" and (a.lease_until is null or a.lease_until < ?)");
        List<Object> bound = new ArrayList<>(parameters);
        bound.add(at);
        if (!excluded.isEmpty()) {
            sql.append(" and a.id not in (").append(placeholders(excluded.size())).append(')');
            bound.addAll(excluded);
        }
        sql.append(" order by a.updated_at, a.id limit ").append(limit).append(" for update skip locked");
        return database.inTransaction(connection -> {
            List<String> candidates = new ArrayList<>();
            try (PreparedStatement statement = bind(connection, sql.toString(), bound); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) candidates.add(rs.getString(1));
            }
            List<ArticleSummary> claimed = new ArrayList<>();
            for (String id : candidates) {
                int taken = Sql.update(connection, "update article set claimed_by = ?, claim_stage = ?, lease_until = ?"
                        + " where id = ? and (lease_until is null or lease_until < ?)", owner, stage, until, id, at);
                if (taken == 1) claimed.add(summary(connection, id));
            }
            if (!claimed.isEmpty()) LOG.debug("{} claimed {} article(s) for {} until {}", owner, claimed.size(), stage, until);
            return claimed;
        });
    }

    private static ArticleSummary summary(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = bind(connection, SUMMARY + " where id = ?", List.of(id)); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(Locale.ROOT),
                    rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant());
        }
    }

    private static PreparedStatement bind(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) statement.setObject(i + 1, parameters.get(i));
        return statement;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
