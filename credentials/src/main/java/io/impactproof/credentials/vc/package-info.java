/** The W3C VC 2.0 data model, whose builder and parser enforce the specification's MUSTs. */
package io.impactproof.credentials.vc;
