package io.impactproof.gateway.participants;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.RegistryError;
import io.impactproof.model.participant.Participant;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DIDs in URL paths. A did:web DID holds a literal {@code %3A} between host and port, so in a path
 * segment it must be written {@code %253A}. Clients that wrote it unencoded ({@code %3A}) are
 * understood too: the candidates to look up are the segment decoded once, then decoded with each
 * {@code %3A} kept as it is.
 */
public final class PathDids {
    private PathDids() {}

    /**
     * The DIDs a path segment may name, most likely first: the raw segment of {@code request}'s URI
     * that follows {@code prefix} (the URI up to the DID), up to the next {@code /}.
     */
    public static List<String> candidates(final HttpServletRequest request, final String prefix) {
        final String uri = request.getRequestURI();
        final String context = request.getContextPath() == null ? "" : request.getContextPath();
        final int start = context.length() + prefix.length();
        if (!uri.startsWith(context + prefix) || start >= uri.length()) {
            return List.of();
        }
        final int end = uri.indexOf('/', start);
        final String raw = uri.substring(start, end < 0 ? uri.length() : end);
        final List<String> out = new ArrayList<>();
        out.add(decode(raw));
        if (raw.toUpperCase(Locale.ROOT).contains("%3A")) {
            final String kept = decode(raw.replace("%3A", "%253A").replace("%3a", "%253A"));
            if (!out.contains(kept)) {
                out.add(kept);
            }
        }
        return out;
    }

    /** The registered participant the path names (the first candidate registered). */
    public static Participant participant(
            final HttpServletRequest request, final String prefix, final RegistryClient registry) {
        TransactionRefused notFound = null;
        for (final String did : candidates(request, prefix)) {
            try {
                return registry.participant(did);
            } catch (TransactionRefused e) {
                if (!RegistryError.PARTICIPANT_NOT_FOUND.name().equals(e.code())) {
                    throw e;
                }
                notFound = e;
            }
        }
        if (notFound != null) {
            throw notFound;
        }
        throw new ApiException(ApiError.PARAMETER_INVALID, "the path names no DID");
    }

    /** The DID the path names: the first candidate registered, else the path decoded once. */
    public static String did(final HttpServletRequest request, final String prefix, final RegistryClient registry) {
        try {
            return participant(request, prefix, registry).did();
        } catch (TransactionRefused e) {
            return candidates(request, prefix).get(0);
        }
    }

    private static String decode(final String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
