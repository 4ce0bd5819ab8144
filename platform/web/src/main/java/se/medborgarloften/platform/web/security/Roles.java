package se.medborgarloften.platform.web.security;

/** The roles a token carries in its {@code roles} claim (SPEC.md, Roles), as Spring Security role names. */
public final class Roles {

    /** Agreements, promises and assessments. */
    public static final String COORDINATOR = "coordinator";
    /** Activities of every kind, by hand or from police systems. */
    public static final String POLICE = "police";
    /** Citizen dialogues and feedback, and activities of the municipality's own kinds. */
    public static final String MUNICIPAL_STAFF = "municipal-staff";
    /** Runs the platform: metrics, rebuilds, every Actuator endpoint beyond health. */
    public static final String OPERATOR = "operator";

    private Roles() {}
}
