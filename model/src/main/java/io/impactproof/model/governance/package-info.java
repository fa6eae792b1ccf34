/** The members' governance on the ledger: the charter, members, proposals and their approvals. */
package io.impactproof.model.governance;
