package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.model.RegistryError;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Movement;
import io.impactproof.model.certificate.StatusLists;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates on the ledger: records, who holds them, their history, their status indexes and
 * set status bits. One per transaction.
 */
public final class Certificates {
    private final State state;

    public Certificates(final State state) {
        this.state = state;
    }

    public Optional<CertificateRecord> get(final String serial) {
        return state.get(State.key(Keys.CERTIFICATE, serial), CertificateRecord.class);
    }

    public CertificateRecord find(final String serial) {
        return get(serial).orElseThrow(() -> new RegistryException(RegistryError.CERTIFICATE_NOT_FOUND, serial));
    }

    /**
     * Writes a certificate record and keeps the index of ISSUED certificates (awaiting their
     * credential) in step; {@code previous} is null for a new certificate.
     */
    public void save(final CertificateRecord previous, final CertificateRecord updated) {
        state.put(State.key(Keys.CERTIFICATE, updated.serial()), updated);
        final boolean wasIssued = previous != null && previous.status() == CertificateStatus.ISSUED;
        final boolean isIssued = updated.status() == CertificateStatus.ISSUED;
        if (wasIssued && !isIssued) {
            state.delete(State.key(Keys.CERTIFICATE_STATUS, CertificateStatus.ISSUED.name(), updated.serial()));
        } else if (!wasIssued && isIssued) {
            state.mark(State.key(Keys.CERTIFICATE_STATUS, CertificateStatus.ISSUED.name(), updated.serial()));
        }
    }

    /** A page of the certificates ISSUED and still awaiting their credential (queries only). */
    public State.Page<CertificateRecord> issued(final int pageSize, final String bookmark) {
        final State.Page<String> index =
                state.page(Keys.CERTIFICATE_STATUS, bytes -> "", pageSize, bookmark, CertificateStatus.ISSUED.name());
        return new State.Page<>(
                index.entries().stream()
                        .map(e -> Map.entry(
                                e.getKey(), find(State.parts(e.getKey()).get(1))))
                        .toList(),
                index.bookmark());
    }

    public void hold(final String holder, final String serial) {
        state.mark(State.key(Keys.HOLDING, holder, serial));
    }

    public void release(final String holder, final String serial) {
        state.delete(State.key(Keys.HOLDING, holder, serial));
    }

    /** The certificates a participant holds or has retired. */
    /** A page of the certificates a participant holds, in serial order (queries only). */
    /** A page of every certificate, in serial order (queries only): the public registry. */
    public State.Page<CertificateRecord> all(final int pageSize, final String bookmark) {
        return state.page(
                Keys.CERTIFICATE,
                bytes -> io.impactproof.model.LedgerJson.read(bytes, CertificateRecord.class),
                pageSize,
                bookmark);
    }

    public State.Page<CertificateRecord> heldBy(final String did, final int pageSize, final String bookmark) {
        final State.Page<String> index = state.page(Keys.HOLDING, bytes -> "", pageSize, bookmark, did);
        return new State.Page<>(
                index.entries().stream()
                        .map(e -> java.util.Map.entry(
                                e.getKey(), find(State.parts(e.getKey()).get(1))))
                        .toList(),
                index.bookmark());
    }

    public void record(final Movement movement) {
        state.put(State.key(Keys.MOVEMENT, movement.serial(), movement.at(), movement.txId()), movement);
    }

    /** The history of a certificate, in time order. */
    public List<Movement> history(final String serial) {
        return state.scanRecords(Keys.MOVEMENT, Movement.class, serial);
    }

    /**
     * Takes a status index for a new certificate: the day of the transaction and a slot derived from
     * the serial, probed forward past slots already taken (see {@link StatusLists}). Reads and
     * writes only the slots it probes, so concurrent issues conflict only on a collision.
     */
    public long allocateStatusIndex(final Instant now, final String serial) {
        final long day = now.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        final byte[] digest = Digests.sha256(serial.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = hash << 8 | digest[i] & 0xff;
        }
        long candidate = StatusLists.firstCandidate(day, hash);
        for (long probes = 0; probes < StatusLists.SLOTS_PER_DAY; probes++) {
            final String key = State.key(Keys.STATUS_SLOT, Long.toString(candidate));
            if (!state.exists(key)) {
                state.mark(key, serial);
                return candidate;
            }
            candidate = StatusLists.nextCandidate(candidate);
        }
        throw new IllegalStateException("every status slot of day " + day + " is taken");
    }

    public void setStatusBit(final String purpose, final long statusIndex, final String serial) {
        state.mark(statusBitKey(purpose, statusIndex), serial);
    }

    public void clearStatusBit(final String purpose, final long statusIndex) {
        state.delete(statusBitKey(purpose, statusIndex));
    }

    /** The set bits of one status list, as indexes within it. */
    public List<Long> statusBits(final String purpose, final String list) {
        return state.scan(Keys.STATUS_BIT, bytes -> "", purpose, list).stream()
                .map(e -> Long.parseLong(State.parts(e.getKey()).get(2)))
                .toList();
    }

    private static String statusBitKey(final String purpose, final long statusIndex) {
        return State.key(
                Keys.STATUS_BIT,
                purpose,
                Long.toString(StatusLists.list(statusIndex)),
                Long.toString(StatusLists.index(statusIndex)));
    }
}
