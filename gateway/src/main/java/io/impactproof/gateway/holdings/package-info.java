/** Holdings over HTTP: transfer, split and retire, history and portfolios per category and unit. */
package io.impactproof.gateway.holdings;
