package se.medborgarloften.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OAuth 2 authorization server of the local stack and of docker-compose: it issues client-credentials access
 * tokens to the demo clients. In production the services point at any OIDC provider by configuration instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
