/** Stable error codes and their categories, shared by every module; the credentials library's exception. */
package io.impactproof.credentials;
