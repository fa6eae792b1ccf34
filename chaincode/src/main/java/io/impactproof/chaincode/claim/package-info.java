/** Claims: submission, rejection and the queries of claims, their repository, and the activities counted once across protocols. */
package io.impactproof.chaincode.claim;
