package io.impactproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.chaincode.Registry;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {
    @TempDir
    Path dir;

    @Test
    void blocks_chain_and_survive_reopening() {
        final long height;
        final String lastHash;
        try (Registry r = Registry.populated(dir)) {
            height = r.ledger.height();
            lastHash = r.ledger.lastHash();
            assertThat(r.ledger.verify()).satisfies(report -> {
                assertThat(report.valid()).isTrue();
                assertThat(report.blocks()).isEqualTo(height);
                assertThat(report.firstBroken()).isEqualTo(-1);
            });
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(reopened.height()).isEqualTo(height);
            assertThat(reopened.lastHash()).isEqualTo(lastHash);
            assertThat(reopened.stats().keys()).isGreaterThan(10);
            assertThat(reopened.blocks()).hasSize((int) height).first().satisfies(b -> {
                assertThat(b.function()).isEqualTo("participants:Register");
                assertThat(b.eventName()).isEqualTo("ParticipantRegistered");
            });
        }
    }

    @Test
    void a_tampered_block_is_reported_and_the_ledger_refuses_to_open() throws Exception {
        try (Registry r = Registry.populated(dir)) {
            assertThat(r.ledger.height()).isGreaterThan(5);
        }
        final Path file = dir.resolve("blocks.log");
        final byte[] bytes = Files.readAllBytes(file);
        final String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // Block JSON has sorted keys: the timestamp follows the number. Change one digit of block 3's.
        final int at = text.indexOf("\"timestamp\":\"2026", text.indexOf("\"number\":3,")) + 14;
        bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
        Files.write(file, bytes);

        try (Registry reader = new Registry(dir.resolveSibling(dir.getFileName() + "-other"))) {
            assertThat(reader.ledger.height()).isZero();
        }
        assertThat(BlockLog.verify(file)).satisfies(report -> {
            assertThat(report.valid()).isFalse();
            assertThat(report.firstBroken()).isEqualTo(3);
        });
        assertThatThrownBy(() -> EmbeddedLedger.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerCorruptException.class)
                .hasMessageContaining("block 3");
    }

    @Test
    void a_torn_last_block_is_cut_off_at_open() throws Exception {
        final long height;
        try (Registry r = Registry.populated(dir)) {
            height = r.ledger.height();
        }
        final Path file = dir.resolve("blocks.log");
        final long size = Files.size(file);
        try (var out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(new byte[] {0, 0, 1, 0, '{', '"'});
        }

        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(height);
            assertThat(ledger.verify().valid()).isTrue();
        }
        assertThat(Files.size(file)).isEqualTo(size);

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 3);
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height())
                    .as("the torn last block was never acknowledged")
                    .isEqualTo(height - 1);
        }
    }

    @Test
    void a_refused_transaction_writes_nothing_and_listeners_see_commits_in_order() {
        try (Registry r = Registry.populated(dir)) {
            final List<Long> seen = new ArrayList<>();
            r.ledger.onCommit(c -> seen.add(c.block()));
            r.ledger.onCommit(c -> {
                throw new IllegalStateException("a failing listener does not break the commit");
            });
            final long before = r.ledger.height();

            r.assertRefused(
                    () -> r.ledger.submit(Registry.ORG1, "claims:Nope", List.of(), Map.of()), "CHAINCODE_ERROR");
            r.submitClaims(Registry.ORG1, r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-1")));

            assertThat(seen).containsExactly(before);
            assertThatThrownBy(() -> r.ledger.evaluate(Registry.ORG1, "claims:Get", "urn:x"))
                    .isInstanceOfSatisfying(
                            TransactionRefused.class,
                            e -> assertThat(e.detail()).isEqualTo("urn:x"));
        }
    }
}
