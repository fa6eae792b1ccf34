package io.impactproof.model.certificate;

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

    /** A builder starting from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Movement}; not thread-safe. */
    public static final class Builder {
        private String serial;
        private String kind;
        private String by;
        private String from;
        private String to;
        private String quantity;
        private List<String> related;
        private String note;
        private String at;
        private String txId;

        private Builder() {}

        private Builder(final Movement r) {
            this.serial = r.serial;
            this.kind = r.kind;
            this.by = r.by;
            this.from = r.from;
            this.to = r.to;
            this.quantity = r.quantity;
            this.related = r.related;
            this.note = r.note;
            this.at = r.at;
            this.txId = r.txId;
        }

        public Builder serial(final String value) {
            this.serial = value;
            return this;
        }

        public Builder kind(final String value) {
            this.kind = value;
            return this;
        }

        public Builder by(final String value) {
            this.by = value;
            return this;
        }

        public Builder from(final String value) {
            this.from = value;
            return this;
        }

        public Builder to(final String value) {
            this.to = value;
            return this;
        }

        public Builder quantity(final String value) {
            this.quantity = value;
            return this;
        }

        public Builder related(final List<String> value) {
            this.related = value;
            return this;
        }

        public Builder note(final String value) {
            this.note = value;
            return this;
        }

        public Builder at(final String value) {
            this.at = value;
            return this;
        }

        public Builder txId(final String value) {
            this.txId = value;
            return this;
        }

        public Movement build() {
            return new Movement(serial, kind, by, from, to, quantity, related, note, at, txId);
        }
    }
}
