package se.medborgarloften.promise.agreement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.promise.agreement.domain.Agreement;
import se.medborgarloften.promise.agreement.domain.Basis;
import se.medborgarloften.promise.agreement.domain.PromiseDraft;

/** A new agreement; with {@code promises} it is the whole agreement at once, as the import format has it. */
record AgreementRequest(
        @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
        String municipalityCode,

        @NotBlank @Size(max = 200) String municipalityName,
        @NotBlank @Size(max = 200) String policeArea,

        @NotNull @Min(Agreement.EARLIEST_YEAR) @Max(Agreement.LATEST_YEAR)
        Integer year,

        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @Size(max = 10) List<@NotNull Basis> basis,
        @Size(max = 100) List<@NotNull @Valid PromiseRequest> promises) {

    Agreement toDraft() {
        if (validTo.isBefore(validFrom)) {
            throw new InvalidFieldException("validTo", "must not be before validFrom");
        }
        return Agreement.draft(municipalityCode, municipalityName, policeArea, year, validFrom, validTo, basis);
    }

    List<PromiseDraft> promiseDrafts() {
        return promises == null
                ? List.of()
                : promises.stream().map(PromiseRequest::toDraft).toList();
    }
}
