package io.impactproof.client;

import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.Transactions;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.OwnerAccount;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.Movement;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.consent.Consent;
import io.impactproof.model.governance.Charter;
import io.impactproof.model.governance.Member;
import io.impactproof.model.governance.Proposal;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The typed client of the registry chaincode, over any {@link LedgerPort}: one method per
 * transaction, records in and out. The only code that knows transaction names, argument order and
 * result encodings; used by the gateway, its agents, the demo and the chaincode's own tests. Thread-safe
 * (the port is).
 */
public final class RegistryClient {
    private final LedgerPort ledger;

    public RegistryClient(final LedgerPort ledger) {
        this.ledger = ledger;
    }

    // Participants

    public Participant register(final String instruction) {
        return one(submit(Transactions.PARTICIPANTS_REGISTER, instruction), Participant.class);
    }

    public Participant rotateKey(final String instruction) {
        return one(submit(Transactions.PARTICIPANTS_ROTATE_KEY, instruction), Participant.class);
    }

    public Participant deactivate(final String instruction) {
        return one(submit(Transactions.PARTICIPANTS_DEACTIVATE, instruction), Participant.class);
    }

    public Participant participant(final String did) {
        return one(ledger.evaluate(Transactions.PARTICIPANTS_GET, did), Participant.class);
    }

    /** The active participants of an organisation with a role. */
    public List<Participant> participants(final String organisation, final Role role) {
        return list(
                ledger.evaluate(
                        Transactions.PARTICIPANTS_LIST_BY_ROLE,
                        organisation,
                        role.name().toLowerCase(Locale.ROOT)),
                Participant.class);
    }

    // Protocols

    public PublishedProtocol publish(final String instruction) {
        return one(submit(Transactions.PROTOCOLS_PUBLISH, instruction), PublishedProtocol.class);
    }

    public PublishedProtocol deprecate(final String instruction) {
        return one(submit(Transactions.PROTOCOLS_DEPRECATE, instruction), PublishedProtocol.class);
    }

    public PublishedProtocol protocol(final String id, final String version) {
        return one(ledger.evaluate(Transactions.PROTOCOLS_GET, id, version), PublishedProtocol.class);
    }

    /** The protocol a claim or certificate names by {@code id@version}. */
    public PublishedProtocol protocol(final String ref) {
        final int at = ref.lastIndexOf('@');
        return protocol(ref.substring(0, at), ref.substring(at + 1));
    }

    public List<PublishedProtocol> protocols() {
        return list(ledger.evaluate(Transactions.PROTOCOLS_LIST), PublishedProtocol.class);
    }

    // Claims

    /** Submits signed claims in one atomic transaction; the credentials travel as transient data. */
    public List<ClaimRecord> submitClaims(final Collection<SignedCredential> claims) {
        return list(
                ledger.submit(
                        Transactions.CLAIMS_SUBMIT, List.of(), Map.of(Transactions.TRANSIENT_CLAIMS, compacts(claims))),
                ClaimRecord.class);
    }

    public ClaimRecord reject(final String instruction) {
        return one(submit(Transactions.CLAIMS_REJECT, instruction), ClaimRecord.class);
    }

    public ClaimRecord claim(final String id) {
        return one(ledger.evaluate(Transactions.CLAIMS_GET, id), ClaimRecord.class);
    }

    /** A page of the claims a verifier has yet to attest; {@code bookmark} empty for the first. */
    public Page<ClaimRecord> awaiting(final String verifierDid, final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.CLAIMS_AWAITING, verifierDid, Integer.toString(pageSize), bookmark),
                ClaimRecord.class);
    }

    /** A page of the claims with a status. */
    public Page<ClaimRecord> claimsWithStatus(final String status, final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.CLAIMS_BY_STATUS, status, Integer.toString(pageSize), bookmark),
                ClaimRecord.class);
    }

    // Attestations

    /** Records signed attestations in one atomic transaction; the credentials travel as transient data. */
    public List<AttestationRecord> attest(final Collection<SignedCredential> attestations) {
        return list(
                ledger.submit(
                        Transactions.ATTESTATIONS_SUBMIT,
                        List.of(),
                        Map.of(Transactions.TRANSIENT_ATTESTATIONS, compacts(attestations))),
                AttestationRecord.class);
    }

    public List<AttestationRecord> attestations(final String claimId) {
        return list(ledger.evaluate(Transactions.ATTESTATIONS_LIST, claimId), AttestationRecord.class);
    }

    // Certificates

    /** Issues the certificate of one claim ({@code args.claim}) or of a batch ({@code args.claims}). */
    public List<CertificateRecord> issue(final String instruction) {
        final byte[] result = submit(Transactions.CERTIFICATES_ISSUE, instruction);
        final JsonNode node = Json.parse(new String(result, StandardCharsets.UTF_8));
        return node.isArray() ? list(result, CertificateRecord.class) : List.of(one(result, CertificateRecord.class));
    }

    /** Attaches signed certificate credentials; the certificates become ACTIVE. */
    public List<CertificateRecord> attach(final Collection<SignedCredential> certificates) {
        return list(
                ledger.submit(
                        Transactions.CERTIFICATES_ATTACH,
                        List.of(),
                        Map.of(Transactions.TRANSIENT_CERTIFICATES, compacts(certificates))),
                CertificateRecord.class);
    }

    public CertificateRecord suspend(final String instruction) {
        return one(submit(Transactions.CERTIFICATES_SUSPEND, instruction), CertificateRecord.class);
    }

    public CertificateRecord reinstate(final String instruction) {
        return one(submit(Transactions.CERTIFICATES_REINSTATE, instruction), CertificateRecord.class);
    }

    public CertificateRecord revoke(final String instruction) {
        return one(submit(Transactions.CERTIFICATES_REVOKE, instruction), CertificateRecord.class);
    }

    public CertificateRecord certificate(final String serial) {
        return one(ledger.evaluate(Transactions.CERTIFICATES_GET, serial), CertificateRecord.class);
    }

    /** A page of the certificates issued and still awaiting their signed credential. */
    public Page<CertificateRecord> awaitingCredential(final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.CERTIFICATES_BY_STATUS, "ISSUED", Integer.toString(pageSize), bookmark),
                CertificateRecord.class);
    }

    /** A page of every certificate, in serial order; {@code bookmark} empty for the first. */
    public Page<CertificateRecord> certificates(final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.CERTIFICATES_LIST, Integer.toString(pageSize), bookmark),
                CertificateRecord.class);
    }

    /** The set bits of a status list, as indexes within it. */
    public List<Long> statusBits(final String purpose, final long list) {
        return list(ledger.evaluate(Transactions.CERTIFICATES_STATUS_BITS, purpose, Long.toString(list)), Long.class);
    }

    // Holdings

    public CertificateRecord transfer(final String instruction) {
        return one(submit(Transactions.HOLDINGS_TRANSFER, instruction), CertificateRecord.class);
    }

    /** Splits a certificate; returns the lots. */
    public List<CertificateRecord> split(final String instruction) {
        return list(submit(Transactions.HOLDINGS_SPLIT, instruction), CertificateRecord.class);
    }

    public CertificateRecord retire(final String instruction) {
        return one(submit(Transactions.HOLDINGS_RETIRE, instruction), CertificateRecord.class);
    }

    public List<Movement> history(final String serial) {
        return list(ledger.evaluate(Transactions.HOLDINGS_HISTORY, serial), Movement.class);
    }

    public List<CertificateRecord> holdings(final String did) {
        final List<CertificateRecord> all = new java.util.ArrayList<>();
        forEachPage((size, bookmark) -> holdings(did, size, bookmark), HOLDINGS_PAGE, all::addAll);
        return all;
    }

    /** A page of the certificates a participant holds; {@code bookmark} empty for the first. */
    public Page<CertificateRecord> holdings(final String did, final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.HOLDINGS_BY_HOLDER, did, Integer.toString(pageSize), bookmark),
                CertificateRecord.class);
    }

    // Campaigns

    public Campaign openCampaign(final String instruction) {
        return one(submit(Transactions.CAMPAIGNS_OPEN, instruction), Campaign.class);
    }

    public Campaign closeCampaign(final String instruction) {
        return one(submit(Transactions.CAMPAIGNS_CLOSE, instruction), Campaign.class);
    }

    /** A holder applies a certificate to a campaign; returns the allocation (SETTLED if an advance paid it all). */
    public Allocation apply(final String instruction) {
        return one(submit(Transactions.CAMPAIGNS_APPLY, instruction), Allocation.class);
    }

    public OwnerAccount advance(final String instruction) {
        return one(submit(Transactions.CAMPAIGNS_ADVANCE, instruction), OwnerAccount.class);
    }

    /** Records a payment; returns the allocation, SETTLED when the payment completed it. */
    public Allocation pay(final String instruction) {
        return one(submit(Transactions.CAMPAIGNS_PAY, instruction), Allocation.class);
    }

    public Campaign campaign(final String id) {
        return one(ledger.evaluate(Transactions.CAMPAIGNS_GET, id), Campaign.class);
    }

    public List<Campaign> campaigns() {
        return list(ledger.evaluate(Transactions.CAMPAIGNS_LIST), Campaign.class);
    }

    public Page<Allocation> allocations(final String campaign, final int pageSize, final String bookmark) {
        return page(
                ledger.evaluate(Transactions.CAMPAIGNS_ALLOCATIONS, campaign, Integer.toString(pageSize), bookmark),
                Allocation.class);
    }

    /** Every allocation of a campaign, in serial order. */
    public List<Allocation> allocations(final String campaign) {
        final List<Allocation> all = new ArrayList<>();
        forEachPage((size, bookmark) -> allocations(campaign, size, bookmark), HOLDINGS_PAGE, all::addAll);
        return all;
    }

    public OwnerAccount account(final String campaign, final String owner) {
        return one(ledger.evaluate(Transactions.CAMPAIGNS_ACCOUNT, campaign, owner), OwnerAccount.class);
    }

    /** The allocation funding a certificate; refused with ALLOCATION_NOT_FOUND when none does. */
    public Allocation funding(final String serial) {
        return one(ledger.evaluate(Transactions.CAMPAIGNS_FUNDING, serial), Allocation.class);
    }

    // Governance

    public Proposal propose(final String instruction) {
        return one(submit(Transactions.GOVERNANCE_PROPOSE, instruction), Proposal.class);
    }

    public Proposal approve(final String instruction) {
        return one(submit(Transactions.GOVERNANCE_APPROVE, instruction), Proposal.class);
    }

    public Proposal proposal(final String id) {
        return one(ledger.evaluate(Transactions.GOVERNANCE_PROPOSAL, id), Proposal.class);
    }

    public List<Proposal> proposals() {
        return list(ledger.evaluate(Transactions.GOVERNANCE_PROPOSALS), Proposal.class);
    }

    /** The charter in force; empty while the registry is in bootstrap. */
    public java.util.Optional<Charter> charter() {
        final byte[] bytes = ledger.evaluate(Transactions.GOVERNANCE_CHARTER);
        return "null".equals(new String(bytes, StandardCharsets.UTF_8).trim())
                ? java.util.Optional.empty()
                : java.util.Optional.of(one(bytes, Charter.class));
    }

    public List<Member> members() {
        return list(ledger.evaluate(Transactions.GOVERNANCE_MEMBERS), Member.class);
    }

    // Consents

    /** Records consent credentials, each signed by the person's own did:key; returns one record per month. */
    public List<Consent> giveConsents(final Collection<SignedCredential> consents) {
        return list(
                ledger.submit(
                        Transactions.CONSENTS_GIVE,
                        List.of(),
                        Map.of(Transactions.TRANSIENT_CONSENTS, compacts(consents))),
                Consent.class);
    }

    /** Withdraws consents for months ahead (an instruction consents.withdraw signed by the person's did:key). */
    public List<Consent> withdrawConsents(final String instruction) {
        return list(submit(Transactions.CONSENTS_WITHDRAW, instruction), Consent.class);
    }

    /** The consents of one subject to one owner, by month. */
    public List<Consent> consents(final String owner, final String subject) {
        return list(ledger.evaluate(Transactions.CONSENTS_LIST, owner, subject), Consent.class);
    }

    /** Certificates per query when all of a holder's are read: about 0.5 MiB of records. */
    static final int HOLDINGS_PAGE = 250;

    /** Every page of a paged query, one page at a time, until the last. */
    public static <T> void forEachPage(
            final java.util.function.BiFunction<Integer, String, Page<T>> query,
            final int pageSize,
            final Consumer<List<T>> consumer) {
        String bookmark = "";
        do {
            final Page<T> page = query.apply(pageSize, bookmark);
            if (!page.records().isEmpty()) {
                consumer.accept(page.records());
            }
            bookmark = page.bookmark();
        } while (bookmark != null && !bookmark.isEmpty());
    }

    private byte[] submit(final String function, final String instruction) {
        return ledger.submit(function, List.of(instruction), Map.of());
    }

    private static byte[] compacts(final Collection<SignedCredential> credentials) {
        final ArrayNode array = Json.array();
        credentials.forEach(c -> array.add(c.compact()));
        return Json.write(array).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T one(final byte[] bytes, final Class<T> type) {
        return LedgerJson.read(bytes, type);
    }

    private static <T> List<T> list(final byte[] bytes, final Class<T> type) {
        return LedgerJson.readList(bytes, type);
    }

    private static <T> Page<T> page(final byte[] bytes, final Class<T> type) {
        final JsonNode node = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        final List<T> records = new ArrayList<>();
        for (final JsonNode record : node.path("records")) {
            records.add(LedgerJson.read(Json.write(record).getBytes(StandardCharsets.UTF_8), type));
        }
        return new Page<>(records, node.path("bookmark").stringValue(""));
    }
}
