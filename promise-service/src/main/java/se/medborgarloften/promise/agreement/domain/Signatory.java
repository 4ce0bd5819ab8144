package se.medborgarloften.promise.agreement.domain;

/** Who signed for a side: name, title, and the party they sign for. */
public record Signatory(String name, String title, Party party) {}
