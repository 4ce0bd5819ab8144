package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The promise that answers a concern, by its id in promise-service (not looked up: services do not call each other to write). */
record LinkRequest(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "must be a promise id like p-1a2b3c4d")
        String promiseId) {}
