package se.medborgarloften.contracts.dialogue;

import java.time.OffsetDateTime;
import java.util.List;
import se.medborgarloften.contracts.AggregateEvent;

/**
 * Data of {@code survey-indicators-imported}: every indicator value of the police safety survey (trygghetsmätning) of
 * one municipality and year, as it stands after the import. An import replaces the values of the areas it names and
 * keeps the others, so the latest version is the whole picture.
 *
 * @param aggregateId {@code survey-{municipalityCode}-{year}}
 */
public record SurveyEvent(
        String aggregateId,
        long aggregateVersion,
        String municipalityCode,
        int year,
        List<SurveyIndicatorValue> indicators,
        OffsetDateTime importedAt)
        implements AggregateEvent {}
