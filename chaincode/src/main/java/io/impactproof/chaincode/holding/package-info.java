/** What holders do with active certificates: transfer, split into lots, retire; their history and holdings. */
package io.impactproof.chaincode.holding;
