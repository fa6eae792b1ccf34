/** The typed registry client (a method per chaincode transaction) and the builders of credentials and signed instructions. */
package io.impactproof.client;
