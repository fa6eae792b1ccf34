/** The registry chaincode: the workflow as Fabric Java contracts, the single source of truth, and its chaincode-as-a-service entry point. */
package io.impactproof.chaincode;
