package se.medborgarloften.contracts.promise;

import java.time.OffsetDateTime;

/** A coordinator's assessment of an ongoing-work promise for a period key (2021-03, 2021-Q1, 2021). */
public record AssessmentSnapshot(
        String period, String assessment, String comment, String assessedBy, OffsetDateTime assessedAt) {}
