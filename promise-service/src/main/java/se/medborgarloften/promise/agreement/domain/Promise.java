package se.medborgarloften.promise.agreement.domain;

import java.util.ArrayList;
import java.util.List;

/** A promise of the agreement. Without commitments it is ongoing work, followed up by assessments. */
public record Promise(
        String id,
        String title,
        String description,
        Party party,
        String theme,
        String area,
        List<Purpose> purposes,
        List<Commitment> commitments,
        List<Assessment> assessments) {

    public Promise {
        purposes = purposes == null
                ? List.of()
                : purposes.stream().distinct().sorted().toList();
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    public boolean isOngoingWork() {
        return commitments.isEmpty();
    }

    Promise withAssessment(Assessment assessment) {
        List<Assessment> all = new ArrayList<>(assessments);
        all.add(assessment);
        return new Promise(id, title, description, party, theme, area, purposes, commitments, all);
    }
}
