package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.State;
import java.util.List;

/** The history of certificates, one record per event, in time order. */
final class Movements {
    private Movements() {}

    static void record(final RegistryContext ctx, final Movement movement) {
        ctx.state().put(State.key(Keys.MOVEMENT, movement.serial(), movement.at(), movement.txId()), movement);
    }

    static List<Movement> of(final RegistryContext ctx, final String serial) {
        return ctx.state().scanRecords(Keys.MOVEMENT, Movement.class, serial);
    }
}
