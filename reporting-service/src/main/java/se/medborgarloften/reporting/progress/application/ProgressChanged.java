package se.medborgarloften.reporting.progress.application;

import se.medborgarloften.contracts.reporting.PromiseProgress;

/** A commitment's figures for a period changed; told to whoever follows the live stream. */
public record ProgressChanged(PromiseProgress progress) {}
