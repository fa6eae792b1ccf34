package io.impactproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    /** Characters where UTF-16 and UTF-8 orders part: ASCII, U+0000 (Fabric's separator), U+E000..U+FFFF, emoji. */
    private static final int[] CODE_POINTS = {
        0x0000, 0x0041, 0x0061, 0x007F, 0x00E9, 0x07FF, 0x0800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
        0x10FFFF
    };

    @Test
    void ordersKeysAsTheirUtf8Bytes() {
        final Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            final String prefix = text(random, random.nextInt(4));
            final String a = prefix + text(random, random.nextInt(4));
            final String b = prefix + text(random, random.nextInt(4));
            assertThat(Integer.signum(KeyOrder.compare(a, b)))
                    .as("%s vs %s", codePoints(a), codePoints(b))
                    .isEqualTo(Integer.signum(Arrays.compareUnsigned(utf8(a), utf8(b))));
        }
    }

    @Test
    void aSupplementaryCharacterSortsAfterTheLastBmpCharacters() {
        // As UTF-16 units U+1F600 (D83D DE00) would sort before U+FFFD; as UTF-8 it sorts after.
        assertThat(KeyOrder.compare("k\uFFFD", "k\uD83D\uDE00")).isNegative();
        assertThat(KeyOrder.compare("k\uD83D\uDE00", "k\uFFFD")).isPositive();
        // The same high surrogate, different low ones: the pair's code points decide.
        assertThat(KeyOrder.compare("\uD83D\uDE00", "\uD83D\uDE01")).isNegative();
        assertThat(KeyOrder.compare("ab", "abc")).isNegative();
        assertThat(KeyOrder.compare("abc", "abc")).isZero();
    }

    private static String text(final Random random, final int length) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return text.toString();
    }

    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String codePoints(final String s) {
        return s.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
}
