package se.medborgarloften.activity.activity.web;

import jakarta.validation.constraints.NotNull;
import se.medborgarloften.activity.activity.domain.SafetyWalkDetails.Status;

/** Where a safety walk's action item stands now; a REJECTED one says why (checked by the domain). */
record ActionOutcomeRequest(@NotNull Status status, String reason) {}
