package se.medborgarloften.reporting.situation.application;

import se.medborgarloften.contracts.reporting.SituationPicture;

/** A published situation picture changed; told to whoever follows the live stream. */
public record SituationChanged(String key, SituationPicture picture) {}
