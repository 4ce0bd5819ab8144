package se.medborgarloften.promise.agreement.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.promise.agreement.domain.Agreement;

/** An agreement with the version that an {@code If-Match} on the next change must name. */
record AgreementResponse(@JsonUnwrapped Agreement agreement, long version) {

    static AgreementResponse of(Versioned<Agreement> versioned) {
        return new AgreementResponse(versioned.state(), versioned.version());
    }
}
