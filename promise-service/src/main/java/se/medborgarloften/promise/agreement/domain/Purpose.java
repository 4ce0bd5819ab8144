package se.medborgarloften.promise.agreement.domain;

/** What a promise serves, as the agreements word it: safety, prevention, participation, trust. */
public enum Purpose {
    SAFETY,
    PREVENTION,
    PARTICIPATION,
    TRUST
}
