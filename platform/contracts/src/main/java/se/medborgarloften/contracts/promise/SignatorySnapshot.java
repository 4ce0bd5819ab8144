package se.medborgarloften.contracts.promise;

/** Who signed the agreement for a party (POLICE or MUNICIPALITY). */
public record SignatorySnapshot(String name, String title, String party) {}
