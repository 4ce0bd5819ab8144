package se.medborgarloften.reporting.progress.application;

import java.time.OffsetDateTime;
import java.util.List;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.CommitmentFilter;

/** The follow-up of a municipality's promises for a year, as the public API and the dashboard show it. */
public record ProgressReport(
        String municipalityCode, int year, OffsetDateTime asOf, List<AgreementProgress> agreements) {

    public record AgreementProgress(
            String agreementId,
            String municipalityName,
            String policeArea,
            String status,
            List<PromiseProgressView> promises) {}

    /** A promise: measurable ones have commitments with figures; ongoing work has its latest assessment. */
    public record PromiseProgressView(
            String promiseId,
            String title,
            String description,
            String party,
            String theme,
            List<CommitmentProgressView> commitments,
            AssessmentSnapshot latestAssessment) {}

    public record CommitmentProgressView(
            String commitmentId,
            String activityType,
            int minimumCount,
            String per,
            CommitmentFilter filter,
            List<PeriodProgress> periods) {}

    /**
     * One period's figures; {@code remaining} more are needed in {@code daysLeft} days to meet the target.
     *
     * @param status as of {@code asOf} of the report
     */
    public record PeriodProgress(
            String period,
            long done,
            long target,
            String status,
            long remaining,
            long daysLeft,
            long vehiclesChecked,
            long violations,
            OffsetDateTime updatedAt) {}
}
