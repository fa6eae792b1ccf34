/** Protocols: publication and deprecation of versions, and their repository with the compiled forms. */
package io.impactproof.chaincode.protocol;
