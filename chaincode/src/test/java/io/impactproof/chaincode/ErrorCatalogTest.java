package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.chaincode.core.RegistryError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorCatalogTest {
    @Test
    void every_code_is_documented_with_its_meaning() throws IOException {
        final String doc = Files.readString(Path.of("..", "docs", "errors.md"));

        for (final RegistryError code : RegistryError.values()) {
            assertThat(doc).as(code.name()).contains("| `" + code.name() + "` | " + code.meaning() + " |");
        }
    }
}
