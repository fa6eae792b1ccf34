package io.impactproof.ledger.fabric;

import io.grpc.Status;
import io.impactproof.client.ledger.LedgerException;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.OutcomeUnknown;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.StableCode;
import io.impactproof.model.RegistryError;
import io.impactproof.protocols.ProtocolError;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Turns what the Fabric gateway reports into the port's outcomes. A chaincode refusal reaches the
 * client only as the peer's message {@code chaincode response 500, CODE: detail} (the error payload
 * is not forwarded), so the code is read from it and its category looked up among the registry's
 * stable codes.
 */
final class Refusals {
    /** Both organisations' peers ran the chaincode and disagreed: a determinism fault. */
    static final String ENDORSEMENT_MISMATCH = "ENDORSEMENT_MISMATCH";

    /** The transaction was ordered but invalidated at commit for a reason other than a conflict. */
    static final String TRANSACTION_INVALID = "TRANSACTION_INVALID";

    private static final Pattern CHAINCODE =
            Pattern.compile("chaincode response \\d+, ([A-Z][A-Z0-9_]*): (.*)", Pattern.DOTALL);
    private static final Map<String, ErrorCategory> CATEGORIES = categories();

    private Refusals() {}

    /** A failed query or endorsement: nothing was sent to the ordering service. */
    static LedgerException beforeOrdering(final String function, final GatewayException e) {
        final TransactionRefused refused = refusal(e);
        if (refused != null) {
            return refused;
        }
        final Status.Code code = e.getStatus().getCode();
        if (mismatch(e)) {
            return new TransactionRefused(
                    ENDORSEMENT_MISMATCH,
                    ErrorCategory.INTERNAL,
                    function + ": the organisations' peers computed different results");
        }
        return new LedgerUnavailable(function + ": " + describe(code, e), e);
    }

    /** The first chaincode refusal among the status and its details, or null. */
    static TransactionRefused refusal(final GatewayException e) {
        final TransactionRefused inStatus = parse(e.getStatus().getDescription());
        if (inStatus != null) {
            return inStatus;
        }
        for (final ErrorDetail detail : e.getDetails()) {
            final TransactionRefused found = parse(detail.getMessage());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Whether the chaincode refused on other organisations' peers only: the status is the gateway's
     * summary, and every detail (one per failing endorser) names another organisation.
     */
    static boolean refusedOnlyByOthers(final GatewayException e, final String ownMspId) {
        return !e.getDetails().isEmpty()
                && parse(e.getStatus().getDescription()) == null
                && e.getDetails().stream()
                        .allMatch(d -> !ownMspId.equals(d.getMspId()) && parse(d.getMessage()) != null);
    }

    /**
     * Whether a peer refused because the chaincode's definition is being changed (a new sequence
     * committed while it endorsed, or not yet in its cache): the next attempt, a moment later, runs
     * on the new definition.
     */
    static boolean definitionChanging(final GatewayException e) {
        return changing(e.getStatus().getDescription())
                || e.getDetails().stream().anyMatch(d -> changing(d.getMessage()));
    }

    private static boolean changing(final String message) {
        return message != null
                && (message.contains("changed during invoke") || message.contains("chaincode cache at sequence"));
    }

    /** A failed hand-over to the ordering service, or a commit status not received in time. */
    static OutcomeUnknown afterEndorsement(final String function, final String txId, final Exception e) {
        return new OutcomeUnknown(
                function + ": transaction " + txId + " was endorsed but its commit was not confirmed (" + e.getMessage()
                        + "); read the ledger before repeating it",
                e);
    }

    static ErrorCategory category(final String code) {
        return CATEGORIES.getOrDefault(code, ErrorCategory.INTERNAL);
    }

    private static TransactionRefused parse(final String message) {
        if (message == null) {
            return null;
        }
        final Matcher m = CHAINCODE.matcher(message);
        if (!m.find()) {
            return null;
        }
        return new TransactionRefused(
                m.group(1), category(m.group(1)), m.group(2).strip());
    }

    /** Both organisations' peers endorsed, with different results. */
    static boolean mismatch(final GatewayException e) {
        return e.getDetails().stream().anyMatch(d -> d.getMessage().contains("ProposalResponsePayloads do not match"));
    }

    private static String describe(final Status.Code code, final GatewayException e) {
        final StringBuilder text = new StringBuilder("the peer answered ").append(code);
        if (e.getStatus().getDescription() != null) {
            text.append(" (").append(e.getStatus().getDescription()).append(')');
        }
        e.getDetails()
                .forEach(d -> text.append("; ")
                        .append(d.getMspId())
                        .append(' ')
                        .append(d.getAddress())
                        .append(": ")
                        .append(d.getMessage()));
        return text.toString();
    }

    private static Map<String, ErrorCategory> categories() {
        final Map<String, ErrorCategory> map = new HashMap<>();
        Stream.of(RegistryError.values(), ErrorCode.values(), ProtocolError.values())
                .flatMap(Stream::of)
                .forEach((StableCode c) -> map.put(c.name(), c.category()));
        return Map.copyOf(map);
    }
}
