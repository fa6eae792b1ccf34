package io.impactproof.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The impactproof gateway: the REST API every role talks to, on the embedded ledger by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
    public static void main(final String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
