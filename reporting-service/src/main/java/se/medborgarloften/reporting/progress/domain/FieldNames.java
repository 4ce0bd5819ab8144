package se.medborgarloften.reporting.progress.domain;

/**
 * Turns ids and names into MongoDB field names: a field name may not contain a dot nor start with a dollar, and the
 * escape is reversible so two different values never share a field.
 */
public final class FieldNames {

    private FieldNames() {}

    public static String escape(String value) {
        if (value == null) {
            return "~";
        }
        return value.replace("%", "%25")
                .replace(".", "%2E")
                .replace("$", "%24")
                .replace("|", "%7C")
                .replace("~", "%7E");
    }
}
