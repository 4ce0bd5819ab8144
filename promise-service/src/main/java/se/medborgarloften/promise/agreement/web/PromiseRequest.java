package se.medborgarloften.promise.agreement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.activity.ActivityType;
import se.medborgarloften.promise.agreement.domain.CommitmentFilter;
import se.medborgarloften.promise.agreement.domain.Party;
import se.medborgarloften.promise.agreement.domain.PromiseDraft;
import se.medborgarloften.promise.agreement.domain.Purpose;

/** A promise as a coordinator writes it; no commitments make it an ongoing-work promise. */
record PromiseRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull Party party,
        @NotBlank @Size(max = 100) String theme,
        @Size(max = 200) String area,
        @Size(max = 4) List<@NotNull Purpose> purposes,
        @Size(max = 20) List<@NotNull @Valid CommitmentRequest> commitments) {

    PromiseDraft toDraft() {
        List<PromiseDraft.CommitmentDraft> drafts = commitments == null
                ? List.of()
                : commitments.stream().map(CommitmentRequest::toDraft).toList();
        return new PromiseDraft(title, description, party, theme, area, purposes, drafts);
    }

    record CommitmentRequest(
            @NotNull ActivityType activityType,

            @NotNull @Min(value = 1, message = "must be at least 1") @Max(10_000)
            Integer minimumCount,

            @NotNull PeriodKey.Unit per,
            @Valid FilterRequest filter) {

        PromiseDraft.CommitmentDraft toDraft() {
            CommitmentFilter narrowing = filter == null
                    ? CommitmentFilter.NONE
                    : new CommitmentFilter(filter.area(), filter.targeted(), filter.subKind());
            return new PromiseDraft.CommitmentDraft(activityType, minimumCount, per, narrowing);
        }
    }

    record FilterRequest(
            @Size(max = 200) String area,
            Boolean targeted,
            @Size(max = 50) String subKind) {}
}
