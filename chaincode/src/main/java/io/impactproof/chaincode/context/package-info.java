/** What every transaction shares: its context, state with read-your-writes, the signature pipeline, authorisation, events, key layout and refusals. */
package io.impactproof.chaincode.context;
