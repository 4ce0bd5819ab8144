package se.medborgarloften.promise.agreement.domain;

/** Narrows the activities that count for a commitment; a null field does not narrow. */
public record CommitmentFilter(String area, Boolean targeted, String subKind) {

    public static final CommitmentFilter NONE = new CommitmentFilter(null, null, null);
}
