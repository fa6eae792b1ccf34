package io.impactproof.chaincode;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A contract test on a fresh registry in a temporary folder, closed after each test. */
abstract class ContractTest {
    @TempDir
    Path dir;

    TestRegistry r;

    /** The registry each test starts from: everyone registered and the bundled protocols published. */
    TestRegistry open(final Path folder) {
        return TestRegistry.populated(folder);
    }

    @BeforeEach
    final void openRegistry() {
        r = open(dir);
    }

    @AfterEach
    final void closeRegistry() {
        r.close();
    }
}
