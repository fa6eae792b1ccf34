package io.impactproof.chaincode.certificate;

import io.impactproof.credentials.status.BitstringStatusList;

/**
 * Where a certificate's status bit is: status indexes are allocated in sequence on the ledger (the
 * same on every peer, unlike a random draw), {@value BitstringStatusList#MIN_ENTRIES} per list.
 */
public final class StatusLists {
    private StatusLists() {}

    public static long list(final long statusIndex) {
        return statusIndex / BitstringStatusList.MIN_ENTRIES;
    }

    public static long index(final long statusIndex) {
        return statusIndex % BitstringStatusList.MIN_ENTRIES;
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
