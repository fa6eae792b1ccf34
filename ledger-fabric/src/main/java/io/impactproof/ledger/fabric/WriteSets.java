package io.impactproof.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * Reads the write set of an endorsed transaction. The registry's transactions are idempotent: a
 * repeat of a write already recorded endorses with no writes, and is then answered without being
 * ordered (as on the embedded ledger), so retries after an unknown outcome add no blocks.
 */
final class WriteSets {
    private WriteSets() {}

    /**
     * Whether an endorsed transaction ({@link org.hyperledger.fabric.client.Transaction#getBytes()}, a
     * serialized {@link PreparedTransaction}) writes nothing in any namespace. Anything unreadable or
     * without a read-write set counts as writing, so that it is ordered.
     */
    static boolean writesNothing(final byte[] preparedTransaction) {
        try {
            final Envelope envelope =
                    PreparedTransaction.parseFrom(preparedTransaction).getEnvelope();
            final Payload payload = Payload.parseFrom(envelope.getPayload());
            final Transaction transaction = Transaction.parseFrom(payload.getData());
            int namespaces = 0;
            for (final TransactionAction action : transaction.getActionsList()) {
                final ByteString response = ChaincodeActionPayload.parseFrom(action.getPayload())
                        .getAction()
                        .getProposalResponsePayload();
                final ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(
                        ProposalResponsePayload.parseFrom(response).getExtension());
                final TxReadWriteSet rwset = TxReadWriteSet.parseFrom(chaincodeAction.getResults());
                for (final NsReadWriteSet ns : rwset.getNsRwsetList()) {
                    namespaces++;
                    if (ns.getCollectionHashedRwsetCount() > 0) {
                        return false;
                    }
                    final KVRWSet kv = KVRWSet.parseFrom(ns.getRwset());
                    if (kv.getWritesCount() > 0 || kv.getMetadataWritesCount() > 0) {
                        return false;
                    }
                }
            }
            return namespaces > 0;
        } catch (InvalidProtocolBufferException e) {
            // Unreadable: order it, which is always safe.
            return false;
        }
    }
}
