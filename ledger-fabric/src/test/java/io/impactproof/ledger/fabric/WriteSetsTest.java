package io.impactproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.junit.jupiter.api.Test;

class WriteSetsTest {
    /** An endorsed transaction as the Gateway SDK serializes it, with these read-write sets. */
    private static byte[] prepared(final KVRWSet... sets) {
        final TxReadWriteSet.Builder rwset = TxReadWriteSet.newBuilder();
        int i = 0;
        for (final KVRWSet set : sets) {
            rwset.addNsRwset(NsReadWriteSet.newBuilder()
                    .setNamespace(i++ == 0 ? "_lifecycle" : "impactproof")
                    .setRwset(set.toByteString()));
        }
        final ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResults(rwset.build().toByteString())
                .build();
        final ProposalResponsePayload response = ProposalResponsePayload.newBuilder()
                .setExtension(action.toByteString())
                .build();
        final ChaincodeActionPayload payload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString()))
                .build();
        final Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(payload.toByteString()))
                .build();
        final Envelope envelope = Envelope.newBuilder()
                .setPayload(Payload.newBuilder()
                        .setData(transaction.toByteString())
                        .build()
                        .toByteString())
                .build();
        return PreparedTransaction.newBuilder()
                .setTransactionId("tx1")
                .setEnvelope(envelope)
                .build()
                .toByteArray();
    }

    private static KVRWSet reads() {
        return KVRWSet.newBuilder().addReads(KVRead.newBuilder().setKey("k")).build();
    }

    @Test
    void a_replay_that_only_reads_is_not_ordered() {
        assertThat(WriteSets.writesNothing(prepared(reads(), reads()))).isTrue();
    }

    @Test
    void a_transaction_that_writes_anywhere_is_ordered() {
        final KVRWSet write = KVRWSet.newBuilder()
                .addWrites(KVWrite.newBuilder().setKey("k").setValue(ByteString.copyFromUtf8("1")))
                .build();
        assertThat(WriteSets.writesNothing(prepared(reads(), write))).isFalse();
    }

    @Test
    void what_cannot_be_read_is_ordered() {
        assertThat(WriteSets.writesNothing(new byte[] {1, 2, 3})).isFalse();
        assertThat(WriteSets.writesNothing(prepared())).isFalse();
    }
}
