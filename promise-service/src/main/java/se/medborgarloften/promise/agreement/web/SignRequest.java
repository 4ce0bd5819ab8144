package se.medborgarloften.promise.agreement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.medborgarloften.promise.agreement.domain.Party;
import se.medborgarloften.promise.agreement.domain.Signatory;

/** Who signs for each side. */
record SignRequest(@NotEmpty @Size(max = 10) List<@NotNull @Valid SignatoryRequest> signatories) {

    List<Signatory> toSignatories() {
        return signatories.stream()
                .map(s -> new Signatory(s.name(), s.title(), s.party()))
                .toList();
    }

    record SignatoryRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String title,
            @NotNull Party party) {}
}
