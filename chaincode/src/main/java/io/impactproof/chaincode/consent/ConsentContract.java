package io.impactproof.chaincode.consent;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Signatures;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.chaincode.context.Transients;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import io.impactproof.model.consent.Consent;
import io.impactproof.model.participant.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's consents (an employee, in the spirit of mobilite.eco): once at enrolment, then each
 * month, the person signs with their own did:key a consent credential naming the owner, the subject
 * digest and the months; any organisation may submit it, the signature is what counts. The person
 * withdraws consents for the months ahead with a signed instruction. This class is stateless and
 * thread-safe.
 */
@Contract(name = "consents", info = @Info(title = "Consents", version = "1.0.0"))
public final class ConsentContract extends RegistryContract {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern SUBJECT = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_MONTHS = 24;
    private static final int MAX_PROOFS = 32;

    /** Records consent credentials (transient field {@code consents}); returns one record per month. Atomic. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Give")
    public String give(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, Transactions.TRANSIENT_CONSENTS);
        final List<Signatures.Verified> verified = ctx.signatures().selfCertified(compacts, CredentialTypes.CONSENT);
        final List<Consent> out = new ArrayList<>();
        for (int i = 0; i < compacts.size(); i++) {
            try {
                out.addAll(giveOne(ctx, verified.get(i).get()));
            } catch (RuntimeException e) {
                throw RegistryException.at("consents[" + i + "]", e);
            }
        }
        ctx.events().emit("ConsentsGiven", Map.of("count", out.size()));
        return LedgerJson.string(out);
    }

    private List<Consent> giveOne(final RegistryContext ctx, final SignedCredential signed) {
        final String person = signed.credential().issuerId();
        final ObjectNode body = signed.credential().subject();
        final String owner = ctx.authorisation()
                .acting(Texts.bounded("the consent's owner", text(body, "owner"), Bounds.IDENTIFIER), Role.OWNER)
                .did();
        final String subject = subject(body);
        final String enrolled = ctx.consents().enrolled(owner, subject).orElse(null);
        if (enrolled == null) {
            ctx.consents().enrol(owner, subject, person);
        } else if (!enrolled.equals(person)) {
            throw new RegistryException(
                    RegistryError.CONSENT_SIGNER_MISMATCH,
                    "subject " + subject.substring(0, 12) + "… was enrolled with " + owner + " by another key");
        }
        final List<String> proofs = new ArrayList<>();
        for (final JsonNode p : list(body.path("proofs"), MAX_PROOFS, "proofs")) {
            proofs.add(Texts.bounded("a proof", p.stringValue(""), 64));
        }
        final List<Consent> out = new ArrayList<>();
        for (final String month : months(body.path("months"))) {
            final Consent consent = new Consent(
                    owner,
                    subject,
                    month,
                    person,
                    proofs,
                    signed.sha256Hex(),
                    ctx.nowText(),
                    signed.credential().validUntil().map(Object::toString).orElse(null),
                    null,
                    ctx.txId());
            ctx.consents().save(consent);
            out.add(consent);
        }
        return out;
    }

    /**
     * Withdraws consents for the months ahead (args {@code owner}, {@code subject}, {@code months},
     * each the current month or later), signed by the did:key that enrolled the subject. Claims
     * already recorded stay; new claims of those months are refused.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Withdraw")
    public String withdraw(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().selfCertifiedInstruction(instruction, Actions.WITHDRAW_CONSENT);
        final String owner = signed.text("owner", Bounds.IDENTIFIER);
        final String subject = subject(signed.args());
        if (!ctx.consents()
                .enrolled(owner, subject)
                .map(signed.signer()::equals)
                .orElse(false)) {
            throw new RegistryException(
                    RegistryError.CONSENT_SIGNER_MISMATCH,
                    "only the key that enrolled a subject withdraws its consents");
        }
        final String current = ctx.nowText().substring(0, 7);
        final List<Consent> out = new ArrayList<>();
        for (final String month : months(signed.args().path("months"))) {
            if (month.compareTo(current) < 0) {
                throw new RegistryException(
                        RegistryError.ARGUMENT_INVALID,
                        "a consent is withdrawn for the months ahead: " + month + " is before " + current);
            }
            final Consent consent = ctx.consents()
                    .get(owner, subject, month)
                    .orElseThrow(() -> new RegistryException(RegistryError.CONSENT_MISSING, "no consent for " + month));
            final Consent withdrawn =
                    consent.withdrawnAt() == null ? consent.withdrawn(ctx.nowText(), ctx.txId()) : consent;
            ctx.consents().save(withdrawn);
            out.add(withdrawn);
        }
        ctx.events().emit("ConsentsWithdrawn", Map.of("owner", owner, "count", out.size()));
        return LedgerJson.string(out);
    }

    /** The consents of one subject to one owner, by month. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx, final String owner, final String subject) {
        return LedgerJson.string(ctx.consents().of(owner, subject));
    }

    private static String subject(final JsonNode body) {
        final String subject = text(body, "subject");
        if (!SUBJECT.matcher(subject).matches()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "subject is the hex SHA-256 of the owner's DID and the person's id");
        }
        return subject;
    }

    private static List<String> months(final JsonNode node) {
        final List<String> months = new ArrayList<>();
        for (final JsonNode m : list(node, MAX_MONTHS, "months")) {
            final String month = m.stringValue("");
            if (!MONTH.matcher(month).matches() || months.contains(month)) {
                throw new RegistryException(
                        RegistryError.ARGUMENT_INVALID, "months are distinct YYYY-MM, got " + month);
            }
            months.add(month);
        }
        if (months.isEmpty()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "a consent names at least one month");
        }
        return months;
    }

    private static List<JsonNode> list(final JsonNode node, final int max, final String field) {
        if (!node.isArray() || node.size() > max) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " is a list of at most " + max);
        }
        final List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private static String text(final JsonNode body, final String field) {
        final JsonNode value = body.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "the consent needs a string " + field);
        }
        return value.stringValue();
    }
}
