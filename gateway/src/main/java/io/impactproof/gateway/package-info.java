/** The impactproof gateway: the Spring Boot service every role talks to, packaged by feature. */
package io.impactproof.gateway;
