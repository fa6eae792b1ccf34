/** The impactproof command line: verify credentials offline or online, act on certificates with a local key. */
package io.impactproof.cli;
