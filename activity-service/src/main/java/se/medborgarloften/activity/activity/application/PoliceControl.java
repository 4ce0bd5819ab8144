package se.medborgarloften.activity.activity.application;

import se.medborgarloften.activity.activity.domain.ActivityReport;

/** A traffic control as the police feed reported it, read and checked: its controlId and what it reports. */
public record PoliceControl(String controlId, ActivityReport report) {}
