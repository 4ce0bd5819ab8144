package se.medborgarloften.dialogue.survey.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.medborgarloften.dialogue.survey.domain.Survey;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** A survey's values with the version of the last import. */
record SurveyResponse(@JsonUnwrapped Survey survey, long version) {

    static SurveyResponse of(Versioned<Survey> versioned) {
        return new SurveyResponse(versioned.state(), versioned.version());
    }
}
