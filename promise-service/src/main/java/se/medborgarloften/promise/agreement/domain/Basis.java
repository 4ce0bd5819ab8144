package se.medborgarloften.promise.agreement.domain;

/** The sources of the local situation picture (lokal lägesbild) that an agreement rests on. */
public enum Basis {
    INTELLIGENCE,
    POLICE_SAFETY_SURVEY,
    CITIZEN_DIALOGUE,
    CRIME_STATISTICS,
    EST
}
