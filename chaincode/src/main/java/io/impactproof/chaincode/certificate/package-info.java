/** Certificates: issuing, activating, suspending, reinstating and revoking them, and their repository. */
package io.impactproof.chaincode.certificate;
