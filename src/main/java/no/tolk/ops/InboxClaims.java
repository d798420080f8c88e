package no.tolk.ops;

import java.sql.Timestamp;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * The shared inbox's claims (table {@code camel_messageprocessed}): camel-sql's
 * {@link JdbcOrphanLockAwareIdempotentRepository} with one correction to how an orphan claim (its holder stopped
 * renewing it for longer than {@code lockMaxAgeMillis}) is taken over.
 *
 * <p>camel-sql 4.18 takes an orphan over with an {@code UPDATE … SET createdAt} of the old row and does not put the
 * key in the set its keep-alive task renews. The new holder's claim therefore ages out again after one
 * {@code lockMaxAgeMillis} while the file is still being read, and a third instance takes it too: one file read by
 * two instances at once (seen in {@code ClusterPipelineTest} as duplicate content-hash inserts after a kill, or
 * after a keep-alive late on an overloaded machine). Two instances taking the same orphan over at the same moment
 * both "won" as well, since the update has no condition.
 *
 * <p>Here, in the transaction of {@code add} and under a transaction-scoped advisory lock on the file name, the
 * orphan row is deleted (only while it is still older than the maximum age) and the claim inserted anew through
 * the ordinary insert path: the key is then renewed like any fresh claim. Of two instances racing for one orphan
 * the second finds the first one's fresh row and is refused ({@link DuplicateKeyException}, which the read lock
 * takes as "claimed by another", as for a fresh file).
 */
public class InboxClaims extends JdbcOrphanLockAwareIdempotentRepository {

    /** First key of the transaction-scoped advisory lock taken while claiming (the second is the file name's hash). */
    private static final int CLAIM_LOCK_CLASS = 0x746f6c6b; // "tolk"

    public InboxClaims(DataSource dataSource, String processorName, CamelContext context) {
        super(dataSource, processorName, context);
    }

    @Override
    protected int insert(String key) {
        // instances claiming the same file queue here until the first one's transaction ends (PostgreSQL only,
        // as the shared inbox is), so each sees the others' committed claim in the statements below
        jdbcTemplate.queryForList("SELECT pg_advisory_xact_lock(?, hashtext(?))", CLAIM_LOCK_CLASS, key);
        String table = java.util.Objects.requireNonNullElse(getTableName(), "CAMEL_MESSAGEPROCESSED");
        Timestamp orphanedBefore = new Timestamp(System.currentTimeMillis() - getLockMaxAgeMillis());
        jdbcTemplate.update("DELETE FROM " + table + " WHERE processorName = ? AND messageId = ? AND createdAt < ?",
                processorName, key, orphanedBefore);
        Integer live = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE processorName = ? AND messageId = ?", Integer.class, processorName, key);
        if (live != null && live > 0) throw new DuplicateKeyException("the file " + key + " is claimed by another instance");
        return super.insert(key);
    }
}
