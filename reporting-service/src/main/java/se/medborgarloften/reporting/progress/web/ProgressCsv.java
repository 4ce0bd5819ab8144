package se.medborgarloften.reporting.progress.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.medborgarloften.reporting.progress.application.ProgressReport;

/** A year's progress as CSV, one line per commitment and period, for spreadsheets and the annual report. */
final class ProgressCsv {

    static final String HEADER =
            "agreement,promise,promise_title,party,commitment,activity_type,minimum_count,per,period,done,target,status,"
                    + "vehicles_checked,violations";

    private ProgressCsv() {}

    static String of(ProgressReport report) {
        Stream<String> lines = report.agreements().stream()
                .flatMap(agreement -> agreement.promises().stream()
                        .flatMap(promise -> promise.commitments().stream()
                                .flatMap(commitment -> commitment.periods().stream()
                                        .map(period -> line(List.of(
                                                agreement.agreementId(),
                                                promise.promiseId(),
                                                promise.title(),
                                                promise.party(),
                                                commitment.commitmentId(),
                                                commitment.activityType(),
                                                String.valueOf(commitment.minimumCount()),
                                                commitment.per(),
                                                period.period(),
                                                String.valueOf(period.done()),
                                                String.valueOf(period.target()),
                                                period.status(),
                                                String.valueOf(period.vehiclesChecked()),
                                                String.valueOf(period.violations())))))));
        return Stream.concat(Stream.of(HEADER), lines).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String line(List<String> fields) {
        return fields.stream().map(ProgressCsv::field).collect(Collectors.joining(","));
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
