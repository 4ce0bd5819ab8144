package se.medborgarloften.contracts.promise;

/** Narrows which activities count: by area (place name), by targeted traffic controls, or by sub-kind. Null fields do not narrow. */
public record CommitmentFilter(String area, Boolean targeted, String subKind) {}
