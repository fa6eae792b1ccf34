/** The protocol format: records for every part of a protocol definition. */
package io.impactproof.protocols.model;
