package se.medborgarloften.platform.web;

import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one place where every JSON string a client sends is checked, whatever the field: no control characters but tab,
 * line feed and carriage return, no longer than the platform's backstop length; every key of a map no
 * {@code $}-prefixed or dotted name, which a stored document would read as an operator or a path; and every date within
 * {@link PlausibleDates}. (Timestamps are read as text by each service, which checks them with {@link PlausibleDates}.)
 */
public class InputGuardModule extends SimpleModule {

    public InputGuardModule(int maxStringLength) {
        super("medborgarloften-input-guard");
        addDeserializer(String.class, new GuardedStrings(maxStringLength));
        addKeyDeserializer(String.class, new GuardedKeys(maxStringLength));
        addDeserializer(LocalDate.class, new PlausibleLocalDates());
    }

    /** The first character that no field may hold, or -1: C0 controls but tab, LF and CR; DEL; C1 controls. */
    static int forbiddenCharacterIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (c0 || (c >= 0x7F && c <= 0x9F)) {
                return i;
            }
        }
        return -1;
    }

    static final class GuardedStrings extends StdScalarDeserializer<String> {

        private final int maxLength;

        GuardedStrings(int maxLength) {
            super(String.class);
            this.maxLength = maxLength;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            if (value.length() > maxLength) {
                throw new RefusedInputException(parser, "must be at most " + maxLength + " characters");
            }
            if (forbiddenCharacterIn(value) >= 0) {
                throw new RefusedInputException(
                        parser, "must not contain control characters (tab, line feed and carriage return are fine)");
            }
            return value;
        }
    }

    static final class GuardedKeys extends KeyDeserializer {

        private final int maxLength;

        GuardedKeys(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.startsWith("$") || key.contains(".")) {
                throw new RefusedInputException(
                        context.getParser(), "key '" + printable(key) + "' must not start with '$' or contain '.'");
            }
            if (key.isEmpty() || key.length() > maxLength || forbiddenCharacterIn(key) >= 0) {
                throw new RefusedInputException(
                        context.getParser(), "keys must be 1-" + maxLength + " characters without control characters");
            }
            return key;
        }

        private static String printable(String key) {
            String shown = key.length() > 50 ? key.substring(0, 50) + "…" : key;
            return forbiddenCharacterIn(shown) >= 0 ? "(unprintable)" : shown;
        }
    }

    static final class PlausibleLocalDates extends StdScalarDeserializer<LocalDate> {

        PlausibleLocalDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (!PlausibleDates.plausible(date)) {
                throw new RefusedInputException(parser, PlausibleDates.MESSAGE);
            }
            return date;
        }
    }
}
