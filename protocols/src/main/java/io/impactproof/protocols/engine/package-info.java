/** The protocol engine: claim schema, CEL rules and formulas with exact decimals, consensus of verifier values. */
package io.impactproof.protocols.engine;
