package se.medborgarloften.promise.agreement.domain;

import java.util.List;

/** What a coordinator writes for a promise; the agreement gives it and its commitments their ids. */
public record PromiseDraft(
        String title,
        String description,
        Party party,
        String theme,
        String area,
        List<Purpose> purposes,
        List<CommitmentDraft> commitments) {

    /** A commitment as written, before it has an id. */
    public record CommitmentDraft(
            se.medborgarloften.contracts.activity.ActivityType activityType,
            int minimumCount,
            se.medborgarloften.contracts.PeriodKey.Unit per,
            CommitmentFilter filter) {}
}
