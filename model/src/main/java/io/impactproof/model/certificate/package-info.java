/** The certificate record, its state machine, history, retirement, serial numbers and status-list positions. */
package io.impactproof.model.certificate;
