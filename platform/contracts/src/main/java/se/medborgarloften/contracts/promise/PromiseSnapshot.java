package se.medborgarloften.contracts.promise;

import java.util.List;

/** A promise; one without commitments is ongoing work, followed up by assessments. */
public record PromiseSnapshot(
        String id,
        String title,
        String description,
        String party,
        String theme,
        String area,
        List<String> purposes,
        List<CommitmentSnapshot> commitments,
        List<AssessmentSnapshot> assessments) {}
