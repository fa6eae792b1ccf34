package io.impactproof.client;

import java.util.List;

/**
 * One page of a paged query. This record is immutable.
 *
 * @param bookmark where the next page starts; empty when this page is the last
 */
public record Page<T>(List<T> records, String bookmark) {
    public Page {
        records = List.copyOf(records);
    }

    public boolean last() {
        return bookmark == null || bookmark.isEmpty();
    }
}
