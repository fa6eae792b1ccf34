package io.impactproof.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorCatalogTest {
    @Test
    void every_code_is_documented_with_its_kind_and_meaning() throws IOException {
        final String doc = Files.readString(Path.of("..", "docs", "errors.md"));

        for (final ErrorCode code : ErrorCode.values()) {
            assertThat(doc)
                    .as(code.name())
                    .contains("| `" + code.name() + "` | " + code.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " | " + code.meaning() + " |");
        }
    }
}
