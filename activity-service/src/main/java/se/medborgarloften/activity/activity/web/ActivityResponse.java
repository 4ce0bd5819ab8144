package se.medborgarloften.activity.activity.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.medborgarloften.activity.activity.domain.Activity;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** An activity with the version that an {@code If-Match} on the next change must name. */
record ActivityResponse(@JsonUnwrapped Activity activity, long version) {

    static ActivityResponse of(Versioned<Activity> versioned) {
        return new ActivityResponse(versioned.state(), versioned.version());
    }
}
