package se.medborgarloften.reporting.progress.application;

import se.medborgarloften.contracts.promise.AgreementSnapshot;

/** A newer state of an agreement reached the views: its promises, texts or assessments may read differently. */
public record AgreementChanged(AgreementSnapshot agreement) {}
