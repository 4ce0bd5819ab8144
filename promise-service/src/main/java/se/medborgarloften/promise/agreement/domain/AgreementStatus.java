package se.medborgarloften.promise.agreement.domain;

/** DRAFT while the parties work on it, AGREED once signed (promises frozen), CLOSED when the year's follow-up ends. */
public enum AgreementStatus {
    DRAFT,
    AGREED,
    CLOSED
}
