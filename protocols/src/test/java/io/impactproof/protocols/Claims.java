package io.impactproof.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.credentials.json.Json;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: claim data from JSON text, and error-code assertions. */
public final class Claims {
    private Claims() {}

    public static ObjectNode json(final String text) {
        return Json.parseObject(text.replace('\'', '"'));
    }

    public static void assertCode(final ThrowingCallable call, final ProtocolError code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
