package io.impactproof.chaincode.context;

import com.google.protobuf.InvalidProtocolBufferException;
import io.impactproof.chaincode.attestation.Attestations;
import io.impactproof.chaincode.campaign.Campaigns;
import io.impactproof.chaincode.certificate.Certificates;
import io.impactproof.chaincode.claim.Activities;
import io.impactproof.chaincode.claim.Claims;
import io.impactproof.chaincode.consent.Consents;
import io.impactproof.chaincode.governance.Governance;
import io.impactproof.chaincode.participant.Participants;
import io.impactproof.chaincode.protocol.Protocols;
import io.impactproof.model.RegistryError;
import java.time.Instant;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The context of one transaction: the transaction time (from the stub, never the machine clock), the
 * submitting organisation, and the per-transaction parts each contract uses — state with
 * read-your-writes, one repository per aggregate, the signature pipeline, authorisation and the
 * event. Not thread-safe; one per transaction.
 */
public final class RegistryContext extends Context {
    private final State state;
    private final Instant now;
    private final Participants participants;
    private final Protocols protocols;
    private final Claims claims;
    private final Activities activities;
    private final Attestations attestations;
    private final Certificates certificates;
    private final Campaigns campaigns;
    private final Consents consents;
    private final Governance governance;
    private final Signatures signatures;
    private final Authorisation authorisation;
    private final Events events;
    private String organisation;

    public RegistryContext(final ChaincodeStub stub) {
        super(stub);
        this.state = new State(stub);
        this.now = stub.getTxTimestamp();
        this.participants = new Participants(state);
        this.protocols = new Protocols(state);
        this.claims = new Claims(state, protocols);
        this.activities = new Activities(state);
        this.attestations = new Attestations(state);
        this.certificates = new Certificates(state);
        this.campaigns = new Campaigns(state);
        this.consents = new Consents(state);
        this.governance = new Governance(state);
        this.signatures = new Signatures(state, participants, now);
        this.authorisation = new Authorisation(participants, governance, this::organisation);
        this.events = new Events(stub);
    }

    public State state() {
        return state;
    }

    /** The transaction time, agreed by the endorsers. */
    public Instant now() {
        return now;
    }

    public String nowText() {
        return now.toString();
    }

    public String txId() {
        return stub.getTxId();
    }

    /** The MSP id of the organisation that submitted the transaction. */
    public String organisation() {
        if (organisation == null) {
            try {
                organisation = SerializedIdentity.parseFrom(stub.getCreator()).getMspid();
            } catch (InvalidProtocolBufferException e) {
                throw new RegistryException(RegistryError.FORBIDDEN, "the creator is not a serialized identity");
            }
        }
        return organisation;
    }

    public Participants participants() {
        return participants;
    }

    public Protocols protocols() {
        return protocols;
    }

    public Claims claims() {
        return claims;
    }

    public Activities activities() {
        return activities;
    }

    public Attestations attestations() {
        return attestations;
    }

    public Certificates certificates() {
        return certificates;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public Consents consents() {
        return consents;
    }

    public Governance governance() {
        return governance;
    }

    public Signatures signatures() {
        return signatures;
    }

    public Authorisation authorisation() {
        return authorisation;
    }

    public Events events() {
        return events;
    }
}
