package io.impactproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.OutcomeUnknown;
import io.impactproof.client.ledger.TransactionConflict;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.StableCode;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.model.RegistryError;
import io.impactproof.protocols.ProtocolError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every stable code of every module with its HTTP status and meaning. */
class ErrorCatalogTest {
    private static List<StableCode> all() {
        return Stream.of(ErrorCode.values(), ProtocolError.values(), RegistryError.values(), ApiError.values())
                .flatMap(Stream::of)
                .map(StableCode.class::cast)
                .toList();
    }

    @Test
    void every_code_is_documented_with_its_http_status_and_meaning() throws IOException {
        final String doc = Files.readString(Path.of("..", "docs", "errors.md"));

        for (final StableCode code : all()) {
            assertThat(doc)
                    .as(code.name())
                    .contains("| `" + code.name() + "` | " + code.category().httpStatus() + " | " + code.meaning()
                            + " |");
        }
        for (final String ledgerCode : List.of(
                TransactionConflict.CODE,
                OutcomeUnknown.CODE,
                LedgerUnavailable.CODE,
                TransactionRefused.CHAINCODE_ERROR)) {
            assertThat(doc).as(ledgerCode).contains("| `" + ledgerCode + "` |");
        }
    }

    @Test
    void a_code_named_in_two_modules_has_one_category() {
        final Map<String, ErrorCategory> seen = new HashMap<>();
        for (final StableCode code : all()) {
            final ErrorCategory earlier = seen.putIfAbsent(code.name(), code.category());
            assertThat(earlier == null || earlier == code.category())
                    .as(code.name() + " is " + earlier + " and " + code.category())
                    .isTrue();
        }
    }
}
