package se.medborgarloften.promise.agreement.domain;

/** How a coordinator judges an ongoing-work promise for a period. */
public enum AssessmentGrade {
    FULFILLED,
    PARTLY_FULFILLED,
    NOT_FULFILLED
}
