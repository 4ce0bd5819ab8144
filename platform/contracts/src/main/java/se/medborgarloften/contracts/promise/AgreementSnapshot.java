package se.medborgarloften.contracts.promise;

import java.time.LocalDate;
import java.util.List;

/** An agreement between a municipality and its police area for one year. Status: DRAFT, AGREED or CLOSED. */
public record AgreementSnapshot(
        String id,
        String municipalityCode,
        String municipalityName,
        String policeArea,
        int year,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> basis,
        String status,
        List<SignatorySnapshot> signatories,
        List<PromiseSnapshot> promises) {}
