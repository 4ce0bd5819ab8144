package se.medborgarloften.promise.agreement.domain;

/** Who answers for a promise, or who signs for a side. */
public enum Party {
    POLICE,
    MUNICIPALITY,
    JOINT
}
