package se.medborgarloften.promise.agreement.domain;

import java.time.Instant;

/** A coordinator's judgement of an ongoing-work promise for one period. */
public record Assessment(String period, AssessmentGrade grade, String comment, String assessedBy, Instant assessedAt) {}
