package se.medborgarloften.dialogue.dialogue.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text is for the issue, never for who raised it: Swedish personal identity numbers (personnummer and
 * samordningsnummer), phone numbers and e-mail addresses are replaced by a marker before anything is stored or
 * published. Dates, times, years, street numbers, postal codes and counts stay as written.
 *
 * <p>When in doubt the rule masks: a false alarm costs a number in a note, a miss leaks a person. Masking is
 * idempotent, because the markers hold no digits and no {@code @}.
 */
public final class PersonalDataMasker {

    public static final String PERSONAL_IDENTITY_NUMBER = "[personnummer]";
    public static final String PHONE_NUMBER = "[telefon]";
    public static final String EMAIL_ADDRESS = "[e-post]";

    private static final String EMAIL = "[\\p{L}\\p{N}._%+-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*"
            + "[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}";

    /** YYMMDD or YYYYMMDD; a samordningsnummer adds 60 to the day. */
    private static final String BIRTH_DATE =
            "(?:19|20)?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])";

    private static final String PERSONAL_NUMBER_WITH_SEPARATOR = "(?<!\\d)" + BIRTH_DATE + "[-+ ]\\d{4}(?!\\d)";
    private static final String PERSONAL_NUMBER_WITHOUT_SEPARATOR = "(?<!\\d)" + BIRTH_DATE + "\\d{4}(?!\\d)";

    /** Digit groups of a phone number may be split by a space or a hyphen. */
    private static final String DIGIT = "[ \\u00A0-]?\\d";

    /** Dates written day first (01-03-2021) and opening hours (0800-1700) look like phone numbers; they are not. */
    private static final String NOT_A_DATE_OR_HOURS =
            "(?!(?:0[1-9]|[12]\\d|3[01])[-./ ](?:0[1-9]|1[0-2])[-./ ](?:19|20)\\d{2}(?!\\d))"
                    + "(?!(?:[01]\\d|2[0-3])[0-5]\\d-(?:[01]\\d|2[0-3])[0-5]\\d(?!\\d))";

    /**
     * A national number is 0, an area code and a subscriber number: 8 to 10 digits in all (070-123 45 67, 08-123 456
     * 78, 0451-123 45). Internationally the 0 becomes +46 or 0046, sometimes written +46 (0).
     */
    private static final String PHONE = "(?<![\\d+-])" + NOT_A_DATE_OR_HOURS + "(?:"
            + "(?:\\+|00)46[ -]?(?:\\(0\\)[ -]?)?[1-9](?:" + DIGIT + "){6,8}"
            + "|\\(0[1-9]\\d{0,2}\\)[ ]?\\d(?:" + DIGIT + "){4,7}"
            + "|0[1-9](?:" + DIGIT + "){6,8}"
            + ")(?!\\d)";

    /**
     * In this order: an e-mail address may hold digits; a number with a separator after its birth date is a
     * personnummer even when it starts with 0; a 10-digit number starting with 0 without one is more likely a phone.
     */
    private static final List<Replacement> RULES = List.of(
            new Replacement(Pattern.compile(EMAIL, Pattern.CASE_INSENSITIVE), EMAIL_ADDRESS),
            new Replacement(Pattern.compile(PERSONAL_NUMBER_WITH_SEPARATOR), PERSONAL_IDENTITY_NUMBER),
            new Replacement(Pattern.compile(PHONE), PHONE_NUMBER),
            new Replacement(Pattern.compile(PERSONAL_NUMBER_WITHOUT_SEPARATOR), PERSONAL_IDENTITY_NUMBER));

    private PersonalDataMasker() {}

    /** The text with every personal identity number, phone number and e-mail address replaced; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Replacement rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    private record Replacement(Pattern pattern, String marker) {

        String apply(String text) {
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(marker));
        }
    }
}
