/** The demo run by scripts/demo: the whole workflow through this node, with its outcomes printed. */
package io.impactproof.gateway.demo;
