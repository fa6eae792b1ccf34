package io.impactproof.model.certificate;

import io.impactproof.credentials.status.BitstringStatusList;

/**
 * Where a certificate's status bit is. A status index is {@code day × SLOTS_PER_DAY + slot}: the day
 * of the issuing transaction (from the stub, the same on every peer) and a slot derived from the
 * serial's digest, probed forward past slots already taken. No counter every issue must write, so
 * concurrent issues do not conflict; indexes look random within a day's lists (herd privacy).
 * {@value BitstringStatusList#MIN_ENTRIES} entries per list.
 */
public final class StatusLists {
    public static final String REVOCATION = "revocation";
    public static final String SUSPENSION = "suspension";

    /** Lists a day's certificates are spread over. */
    public static final long LISTS_PER_DAY = 1024;

    public static final long SLOTS_PER_DAY = LISTS_PER_DAY * BitstringStatusList.MIN_ENTRIES;

    private StatusLists() {}

    public static long list(final long statusIndex) {
        return statusIndex / BitstringStatusList.MIN_ENTRIES;
    }

    public static long index(final long statusIndex) {
        return statusIndex % BitstringStatusList.MIN_ENTRIES;
    }

    /** The first status index to try for a certificate issued on {@code epochDay} whose serial hashes to {@code hash}. */
    public static long firstCandidate(final long epochDay, final long hash) {
        return epochDay * SLOTS_PER_DAY + Math.floorMod(hash, SLOTS_PER_DAY);
    }

    /** The candidate after {@code statusIndex}, wrapping within the same day. */
    public static long nextCandidate(final long statusIndex) {
        final long day = statusIndex / SLOTS_PER_DAY;
        return day * SLOTS_PER_DAY + (statusIndex % SLOTS_PER_DAY + 1) % SLOTS_PER_DAY;
    }

    /** Whether a purpose names a status list this registry publishes. */
    public static boolean isPurpose(final String purpose) {
        return REVOCATION.equals(purpose) || SUSPENSION.equals(purpose);
    }

    /** The path suffix of the URL of the list holding this status index: {@code /status/<purpose>/<list>}. */
    public static String path(final String purpose, final long statusIndex) {
        return listPath(purpose, list(statusIndex));
    }

    /** The path suffix of a list credential's URL by list number. */
    public static String listPath(final String purpose, final long list) {
        return "/status/" + purpose + "/" + list;
    }
}
