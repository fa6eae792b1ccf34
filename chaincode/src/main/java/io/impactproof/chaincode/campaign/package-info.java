/**
 * Pre-finance campaigns that pay only on proof: a financer commits a budget; a certificate's holder
 * applies, and the allocation is recorded in ledger order within the budget and caps; payments
 * settle it by moving or retiring the funded units; suspending or revoking the certificate freezes
 * or cancels it.
 */
package io.impactproof.chaincode.campaign;
