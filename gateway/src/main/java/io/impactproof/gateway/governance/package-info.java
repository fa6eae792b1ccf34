/** The members' governance over HTTP: proposals, approvals, the charter and the members. */
package io.impactproof.gateway.governance;
