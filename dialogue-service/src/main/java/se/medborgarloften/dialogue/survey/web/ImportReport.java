package se.medborgarloften.dialogue.survey.web;

import java.util.List;

/**
 * What an import did: how many rows were accepted and stored, and each rejected row with its line (the header is line
 * 1) and why. {@code version} is the survey's version after the import, null when no row was accepted and nothing
 * changed.
 */
record ImportReport(String municipalityCode, int year, int accepted, List<SurveyCsv.Rejected> rejected, Long version) {}
