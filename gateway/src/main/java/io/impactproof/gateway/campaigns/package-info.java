/** Pre-finance campaigns over HTTP: the financer's and the owners' signed actions, reports and CSV exports. */
package io.impactproof.gateway.campaigns;
