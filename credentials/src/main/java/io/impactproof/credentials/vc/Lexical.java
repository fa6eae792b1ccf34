package io.impactproof.credentials.vc;

import io.impactproof.credentials.BoundedCache;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The two lexical checks every credential field goes through — "is a URL" and "is a dateTimeStamp"
 * — with a fast path for the shapes credentials carry (did:key:…, urn:uuid:…,
 * 2026-01-01T00:00:00Z). A fast path only ever accepts what the JDK's parser accepts, with the same
 * value; anything else is decided by the JDK ({@link URI}, {@link OffsetDateTime#parse}), so the
 * outcome is the JDK's in every case. They were a fifth of a verification. Thread-safe.
 */
final class Lexical {
    /** URLs other than the plain opaque ones repeat (contexts, schemas, status lists): their answer is kept. */
    private static final BoundedCache<String, Boolean> URLS = new BoundedCache<>(1024);

    private Lexical() {}

    /** An absolute URI with a scheme, as VC 2.0 means by URL (https:, did:, urn:…). */
    static boolean isUrl(final String value) {
        return plainOpaque(value) || URLS.get(value, Lexical::parsesAbsolute);
    }

    static boolean parsesAbsolute(final String value) {
        try {
            return new URI(value).isAbsolute() && !value.isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * {@code scheme:rest[#fragment]} where the scheme is {@code ALPHA *(ALPHA / DIGIT / + / - / .)}
     * and rest (not starting with /, not empty) and fragment hold only unreserved characters and
     * colons: URI parses that as an absolute opaque URI whatever the characters' order.
     */
    static boolean plainOpaque(final String value) {
        final int colon = value.indexOf(':');
        if (colon < 1 || !alpha(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            final char c = value.charAt(i);
            if (!(alpha(c) || digit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        final int n = value.length();
        if (colon + 1 >= n || value.charAt(colon + 1) == '/' || value.charAt(colon + 1) == '#') {
            return false;
        }
        boolean fragment = false;
        for (int i = colon + 1; i < n; i++) {
            final char c = value.charAt(i);
            if (c == '#' && !fragment) {
                fragment = true;
            } else if (!(alpha(c) || digit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /**
     * An xsd:dateTimeStamp (the time zone required) as {@link OffsetDateTime#parse} reads it;
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} without the formatter.
     *
     * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} does
     */
    static Instant instant(final String value) {
        final Instant fast = utc(value);
        return fast != null ? fast : OffsetDateTime.parse(value).toInstant();
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text is not that (or no such date). */
    static Instant utc(final String s) {
        final int n = s.length();
        if (n < 20
                || n == 21
                || n > 30
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || n > 20 && s.charAt(19) != '.') {
            return null;
        }
        final int year = digits(s, 0, 4);
        final int month = digits(s, 5, 7);
        final int day = digits(s, 8, 10);
        final int hour = digits(s, 11, 13);
        final int minute = digits(s, 14, 16);
        final int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            final int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // Feb 30, 24:00…: the formatter says why
        }
    }

    /** The decimal value of s[from, to), or -1 if a character there is not an ASCII digit. */
    private static int digits(final String s, final int from, final int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            final char c = s.charAt(i);
            if (!digit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean alpha(final char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean digit(final char c) {
        return c >= '0' && c <= '9';
    }
}
