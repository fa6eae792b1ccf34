package io.impactproof.chaincode.certificate;

import java.util.List;

/**
 * One event in a certificate's history: issued, transferred, split, retired, suspended, reinstated,
 * revoked. This record is immutable.
 *
 * @param related serials of the lots a split created, or of the parent a lot came from
 */
public record Movement(
        String serial,
        String kind,
        String by,
        String from,
        String to,
        String quantity,
        List<String> related,
        String note,
        String at,
        String txId) {
    public Movement {
        related = related == null ? List.of() : List.copyOf(related);
    }
}
