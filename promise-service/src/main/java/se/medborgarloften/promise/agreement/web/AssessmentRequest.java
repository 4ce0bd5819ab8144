package se.medborgarloften.promise.agreement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.promise.agreement.domain.Agreement;
import se.medborgarloften.promise.agreement.domain.AssessmentGrade;

/** A coordinator's assessment of an ongoing-work promise for a period key (2021-03, 2021-Q1 or 2021). */
record AssessmentRequest(
        @NotBlank @Size(max = 10) String period,
        @NotNull AssessmentGrade assessment,
        @Size(max = 2000) String comment) {

    PeriodKey periodKey() {
        return PeriodKey.parse(period)
                .filter(key -> key.year() >= Agreement.EARLIEST_YEAR && key.year() <= Agreement.LATEST_YEAR)
                .orElseThrow(() -> new InvalidFieldException(
                        "period",
                        "must be a period key like 2021-03, 2021-Q1 or 2021, in " + Agreement.EARLIEST_YEAR + "-"
                                + Agreement.LATEST_YEAR));
    }
}
