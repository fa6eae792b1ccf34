package io.impactproof.credentials.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths give the JDK's answer: on the shapes they take, and by deferring on every other. */
class LexicalTest {
    private static final long SEED = 20261204L;

    @Test
    void plain_opaque_urls_are_taken_by_the_fast_path_and_are_urls_to_the_jdk() {
        for (final String url : List.of(
                "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
                "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
                "did:web:verifier-1.bench.example#key-1",
                "did:web:registry.impactproof.test:participants:acme",
                "x:y",
                "a+b.c-d:~_.")) {
            assertThat(Lexical.plainOpaque(url)).as(url).isTrue();
            assertThat(Lexical.parsesAbsolute(url)).as(url).isTrue();
        }
    }

    @Test
    void every_other_shape_goes_to_the_jdk() {
        for (final String value : List.of(
                "https://registry.example/status/r1#42",
                "urn:",
                "urn:#x",
                ":x",
                "1urn:x",
                "urn:a#b#c",
                "urn:a b",
                "ur n:x",
                "urn:%41",
                "did:web:x?y",
                "",
                " ")) {
            assertThat(Lexical.plainOpaque(value)).as(value).isFalse();
        }
        assertThat(Lexical.isUrl("https://registry.example/status/r1#42")).isTrue();
        assertThat(Lexical.isUrl("not a url")).isFalse();
        assertThat(Lexical.isUrl("relative/path")).isFalse();
        assertThat(Lexical.isUrl("urn:")).isFalse();
    }

    @Test
    void the_url_check_agrees_with_java_net_uri_on_random_strings() {
        final Random random = new Random(SEED);
        final String alphabet = "abcXYZ019:/#?%-._~+!*'() @[]\u00e9";
        for (int i = 0; i < 200_000; i++) {
            final StringBuilder s = new StringBuilder();
            // Often a plausible scheme first, so that the fast path's own branches are reached.
            if (random.nextBoolean()) {
                s.append(random.nextBoolean() ? "did:" : "urn:");
            }
            final int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            final String value = s.toString();
            assertThat(Lexical.isUrl(value)).as(value).isEqualTo(Lexical.parsesAbsolute(value));
        }
    }

    @Test
    void date_time_stamps_parse_as_offset_date_time_parses_them() {
        final List<String> cases = new ArrayList<>(List.of(
                "2026-01-01T00:00:00Z",
                "2026-12-04T01:53:03.367753576Z",
                "2026-12-04T01:53:03.3Z",
                "2024-02-29T23:59:59.999Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "2026-01-01T00:00:00+02:00",
                "2026-01-01t00:00:00z",
                "2026-01-01T00:00Z",
                "2026-01-01T00:00:00.Z",
                "2026-01-01T00:00:00.1234567890Z",
                "2025-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z",
                "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00",
                "+2026-01-01T00:00:00Z",
                "2026-1-01T00:00:00Z",
                "2026-01-01 00:00:00Z",
                "2026-01-01T00:00:0xZ",
                "20260-01-01T00:00:00Z",
                ""));
        final Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            final char[] text = "2026-02-28T23:59:59.123456789Z".toCharArray();
            text[random.nextInt(text.length)] = "0123456789-:.TZ+x".charAt(random.nextInt(17));
            final int cut = random.nextInt(4) == 0 ? 20 + random.nextInt(11) : text.length;
            final String value = new String(text, 0, Math.min(cut, text.length));
            cases.add(value.endsWith("Z") ? value : value + "Z");
        }
        for (final String value : cases) {
            Instant expected;
            try {
                expected = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            if (expected == null) {
                assertThat(Lexical.utc(value)).as(value).isNull();
                assertThatThrownBy(() -> Lexical.instant(value)).as(value).isInstanceOf(DateTimeParseException.class);
            } else {
                assertThat(Lexical.instant(value)).as(value).isEqualTo(expected);
            }
        }
        // The shape this registry writes is the fast path's, not the formatter's.
        assertThat(Lexical.utc("2026-12-04T01:53:03.367753576Z"))
                .isEqualTo(Instant.parse("2026-12-04T01:53:03.367753576Z"));
        assertThat(Lexical.utc("2026-01-01T00:00:00+02:00")).isNull();
    }
}
