package io.impactproof.chaincode.claim;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.RegistryError;
import io.impactproof.model.claim.ClaimRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The activities the registry has counted, across every protocol and sub-network: a uniqueness key
 * certified once, and the certified periods of each asset. One per transaction.
 */
public final class Activities {
    private final State state;

    public Activities(final State state) {
        this.state = state;
    }

    /** The serial of the certificate that counted this activity, if any. */
    public Optional<String> countedAs(final String uniquenessKey) {
        return state.marker(State.key(Keys.UNIQUE, uniquenessKey));
    }

    /** Refuses an activity already counted, naming the certificate. */
    public void requireNotCounted(final String uniquenessKey) {
        final var counted = countedAs(uniquenessKey);
        if (counted.isPresent()) {
            throw new RegistryException(
                    RegistryError.DOUBLE_COUNTING, "this activity is already certified as " + counted.get());
        }
    }

    /**
     * Holds the activity for a claim until it is certified or rejected: a second claim of the same
     * activity (another id, the same delivery) is refused at submission, naming the first.
     */
    public void claim(final String uniquenessKey, final String claimId) {
        final String key = State.key(Keys.PENDING, uniquenessKey);
        final var pending = state.marker(key);
        if (pending.isPresent() && !pending.get().equals(claimId)) {
            throw new RegistryException(
                    RegistryError.ACTIVITY_CLAIMED, "this activity is already claimed by " + pending.get());
        }
        state.mark(key, claimId);
    }

    /** Lets the activity be claimed again (its claim was rejected). */
    public void release(final String uniquenessKey, final String claimId) {
        final String key = State.key(Keys.PENDING, uniquenessKey);
        if (state.marker(key).map(claimId::equals).orElse(false)) {
            state.delete(key);
        }
    }

    /** Counts the claim's activity and its asset's period as certified by {@code serial}. */
    public void count(final ClaimRecord claim, final String serial) {
        release(claim.uniquenessKey(), claim.id());
        state.mark(State.key(Keys.UNIQUE, claim.uniquenessKey()), serial);
        state.mark(
                State.key(Keys.ASSET, claim.assetKey(), claim.category(), claim.periodStart(), claim.periodEnd()),
                serial);
    }

    /**
     * Refuses a period overlapping one already certified for the same asset in the same category: a
     * range scan over the asset's periods, so on Fabric a concurrent certification of the same
     * asset invalidates one of the two (a phantom read), as it must.
     */
    public void requireNoOverlap(final ClaimRecord claim) {
        final LocalDate start = LocalDate.parse(claim.periodStart());
        final LocalDate end = LocalDate.parse(claim.periodEnd());
        for (final var entry : state.scan(
                Keys.ASSET, bytes -> new String(bytes, StandardCharsets.UTF_8), claim.assetKey(), claim.category())) {
            final List<String> parts = State.parts(entry.getKey());
            final LocalDate otherStart = LocalDate.parse(parts.get(2));
            final LocalDate otherEnd = LocalDate.parse(parts.get(3));
            if (!start.isAfter(otherEnd) && !otherStart.isAfter(end)) {
                throw new RegistryException(
                        RegistryError.PERIOD_OVERLAP,
                        claim.periodStart() + "/" + claim.periodEnd() + " overlaps " + entry.getValue() + " ("
                                + parts.get(2) + "/" + parts.get(3) + ")");
            }
        }
    }
}
