package se.medborgarloften.dialogue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Citizen dialogues, the feedback raised in them, and the police safety survey, with personal data kept out. */
@SpringBootApplication
public class DialogueServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DialogueServiceApplication.class, args);
    }
}
