/** Pre-finance campaigns: a financer's committed budget, its allocations to certificates and their payments. */
package io.impactproof.model.campaign;
