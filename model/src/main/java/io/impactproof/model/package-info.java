/** The registry's vocabulary shared by the chaincode and its clients: error codes, transaction and action names, credential types, the ledger JSON codec. */
package io.impactproof.model;
