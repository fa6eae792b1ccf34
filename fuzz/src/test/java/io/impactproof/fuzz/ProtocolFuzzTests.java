package io.impactproof.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.CompiledProtocol;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The protocol engine against arbitrary input: a definition an operator publishes (YAML), and the
 * claim data an owner submits under each bundled protocol. Either it loads or evaluates, or it is
 * refused with a documented rejection; an evaluation never fails with anything else.
 */
class ProtocolFuzzTests {
    private static final List<CompiledProtocol> BUNDLED = ProtocolLoader.bundled();

    @FuzzTest(maxDuration = "5m")
    void load_any_definition(final byte[] definition) {
        try {
            final CompiledProtocol compiled = ProtocolLoader.load(new String(definition, StandardCharsets.UTF_8));
            compiled.digest();
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }

    /** The first byte picks the protocol; the rest is the claim data. */
    @FuzzTest(maxDuration = "5m")
    void evaluate_any_claim_data(final byte[] input) {
        if (input.length == 0) {
            return;
        }
        final CompiledProtocol protocol = BUNDLED.get(Byte.toUnsignedInt(input[0]) % BUNDLED.size());
        try {
            protocol.evaluate(Json.parse(new String(input, 1, input.length - 1, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }
}
