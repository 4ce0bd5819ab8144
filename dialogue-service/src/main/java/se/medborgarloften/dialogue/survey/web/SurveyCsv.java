package se.medborgarloften.dialogue.survey.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.medborgarloften.dialogue.survey.domain.IndicatorValue;
import se.medborgarloften.dialogue.survey.domain.SurveyIndicator;
import se.medborgarloften.platform.web.InvalidFieldException;

/**
 * Reads a survey export: a header row naming {@code area}, {@code indicator} and {@code value} (in any order), then
 * one row per value. Each row is accepted or rejected on its own, with its line number (the header is line 1) and
 * every reason. Fields may be double-quoted; a file whose header is separated by semicolons, as Swedish spreadsheets
 * export, is read with semicolons, and a value may then use a decimal comma (1,8).
 */
final class SurveyCsv {

    static final int MAX_ROWS = 10_000;
    static final List<String> COLUMNS = List.of("area", "indicator", "value");
    private static final String EXPECTED = String.join(",", COLUMNS);
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");
    private static final int ECHO_LIMIT = 40;

    private SurveyCsv() {}

    record Rejected(int line, String reason) {}

    record Result(List<IndicatorValue> accepted, List<Rejected> rejected) {}

    static Result read(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        int headerIndex = firstNonBlank(lines);
        if (headerIndex < 0) {
            throw new InvalidFieldException(
                    "body", "is empty: expected the header " + EXPECTED + " and one row per value");
        }
        char separator = lines[headerIndex].contains(";") && !lines[headerIndex].contains(",") ? ';' : ',';
        Map<String, Integer> columns = header(lines[headerIndex], separator);
        long rows = countNonBlank(lines) - 1;
        if (rows > MAX_ROWS) {
            throw new InvalidFieldException(
                    "body", "has " + rows + " rows, more than " + MAX_ROWS + ": split the import by area");
        }
        List<IndicatorValue> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            Row row = row(lines[i], separator, columns);
            if (row.value().isPresent()) {
                IndicatorValue value = row.value().get();
                String key = value.area() + "\n" + value.indicator();
                Integer earlier = firstLineOf.putIfAbsent(key, line);
                if (earlier != null) {
                    rejected.add(new Rejected(line, "repeats area and indicator of line " + earlier));
                } else {
                    accepted.add(value);
                }
            } else {
                rejected.add(new Rejected(line, String.join("; ", row.problems())));
            }
        }
        return new Result(accepted, rejected);
    }

    private static Map<String, Integer> header(String line, char separator) {
        List<String> names = fields(line, separator)
                .orElseThrow(() -> new InvalidFieldException("header", "has an unterminated quote"));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new InvalidFieldException(
                        "header", "has the unknown column '" + echo(name) + "': expected " + EXPECTED);
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new InvalidFieldException("header", "names the column " + name + " twice");
            }
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                throw new InvalidFieldException("header", "misses the column " + column + ": expected " + EXPECTED);
            }
        }
        return columns;
    }

    /** A row is either a value or the problems that keep it from being one. */
    private record Row(Optional<IndicatorValue> value, List<String> problems) {}

    private static Row row(String line, char separator, Map<String, Integer> columns) {
        Optional<List<String>> parsed = fields(line, separator);
        if (parsed.isEmpty()) {
            return rejected(List.of("has an unterminated quote"));
        }
        List<String> fields = parsed.get();
        if (fields.size() > columns.size()) {
            return rejected(List.of("has " + fields.size() + " columns, expected " + columns.size() + ": " + EXPECTED));
        }
        List<String> problems = new ArrayList<>();
        List<String> missing =
                COLUMNS.stream().filter(c -> columns.get(c) >= fields.size()).toList();
        if (!missing.isEmpty()) {
            problems.add("missing column " + String.join(", ", missing) + ": expected " + EXPECTED);
            return rejected(problems);
        }
        String area = fields.get(columns.get("area")).strip();
        String indicatorName = fields.get(columns.get("indicator")).strip();
        String valueText = fields.get(columns.get("value")).strip();
        if (area.isEmpty()) {
            problems.add("area is blank");
        }
        Optional<SurveyIndicator> indicator = Optional.empty();
        if (indicatorName.isEmpty()) {
            problems.add("indicator is blank");
        } else {
            indicator = SurveyIndicator.parse(indicatorName);
            if (indicator.isEmpty()) {
                problems.add("unknown indicator '" + echo(indicatorName) + "'");
            }
        }
        Optional<BigDecimal> value = Optional.empty();
        if (valueText.isEmpty()) {
            problems.add("value is blank");
        } else if (!NUMBER.matcher(valueText).matches()) {
            problems.add("value '" + echo(valueText) + "' is not a number");
        } else {
            value = Optional.of(new BigDecimal(valueText.replace(',', '.')));
        }
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        try {
            return new Row(Optional.of(new IndicatorValue(area, indicator.get(), value.get())), List.of());
        } catch (IllegalArgumentException e) {
            return rejected(List.of(e.getMessage()));
        }
    }

    private static Row rejected(List<String> problems) {
        return new Row(Optional.empty(), problems);
    }

    /** Splits one line into fields; a double-quoted field may hold the separator and "" for a quote. */
    private static Optional<List<String>> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(field.toString());
        return Optional.of(fields);
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static long countNonBlank(String[] lines) {
        long count = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                count++;
            }
        }
        return count;
    }

    private static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "…";
    }
}
