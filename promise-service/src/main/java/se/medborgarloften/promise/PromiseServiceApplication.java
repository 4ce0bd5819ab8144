package se.medborgarloften.promise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Agreements between a municipality and its police area, their promises and measurable commitments. */
@SpringBootApplication
public class PromiseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromiseServiceApplication.class, args);
    }
}
