package no.tolk.review;

import java.util.Locale;

/**
 * What a desk user may do. {@code REVIEWER}: read, correct, approve, reject. {@code EDITOR}: also publish now
 * and retry failed publications. {@code ADMIN}: also look at quarantined files and send them back to the inbox.
 */
public enum Role {
    REVIEWER, EDITOR, ADMIN;

    public boolean allows(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role must be reviewer, editor or admin, not '" + text + "'");
        }
    }
}
