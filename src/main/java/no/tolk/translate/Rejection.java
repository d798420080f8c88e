package no.tolk.translate;

import java.time.Instant;

/**
 * A reviewer's rejection of one revision's translation. The next translation of that revision skips the
 * translation memory and, when {@code toHuman}, goes to human translators (XLIFF); otherwise the engine is
 * called afresh, and a result identical to the rejected text goes to human translators too.
 *
 * @param actor who rejected (desk user, {@code cli:<user>}, {@code jmx}), may be null
 * @param at when; translations created after this moment are the new ones
 */
public record Rejection(String articleId, int revision, String reason, String actor, boolean toHuman, Instant at) {
}
