package se.medborgarloften.activity.activity.application;

import se.medborgarloften.activity.activity.domain.Activity;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** A report's outcome: the activity, and whether this report created it or repeated one already recorded. */
public record Recorded(Versioned<Activity> activity, boolean created) {}
