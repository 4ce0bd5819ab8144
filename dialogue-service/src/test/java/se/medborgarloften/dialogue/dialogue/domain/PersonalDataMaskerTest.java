package se.medborgarloften.dialogue.dialogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskerTest {

    @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Mitt personnummer är 19850312-1234                         | Mitt personnummer är [personnummer]
            pnr 850312-1234, bor på Storgatan 12                       | pnr [personnummer], bor på Storgatan 12
            8503121234                                                 | [personnummer]
            198503121234 ringde in                                     | [personnummer] ringde in
            850312+1234 är över hundra år                              | [personnummer] är över hundra år
            samordningsnummer 850372-1234                              | samordningsnummer [personnummer]
            född 20050312-1234                                         | född [personnummer]
            050312-1234 är min son                                     | [personnummer] är min son
            850312 1234                                                | [personnummer]
            Ring mig på 070-123 45 67 efter 22:30                      | Ring mig på [telefon] efter 22:30
            0701234567                                                 | [telefon]
            070 123 45 67                                              | [telefon]
            070-1234567                                                | [telefon]
            +46 70 123 45 67                                           | [telefon]
            +46701234567                                               | [telefon]
            0046 70 123 45 67                                          | [telefon]
            +46 (0)70-123 45 67                                        | [telefon]
            Växeln 08-123 456 78                                       | Växeln [telefon]
            (08) 123 456 78                                            | [telefon]
            Hässleholms kommun 0451-123 45, 20 kontroller              | Hässleholms kommun [telefon], 20 kontroller
            (0451) 123 45                                              | [telefon]
            Malmö 040-12 34 56                                         | Malmö [telefon]
            anna.svensson@hassleholm.se                                | [e-post]
            Skriv till Åsa.Öberg@exempel.se om belysningen             | Skriv till [e-post] om belysningen
            kalle_99@hotmail.com                                       | [e-post]
            anna (at) exempel.se                                       | [e-post]
            mejla kalle@x.se eller ring 0451-123 45, pnr 850312-1234   | mejla [e-post] eller ring [telefon], pnr [personnummer]
            Kontakt 0701234567@sms.telia.se                            | Kontakt [e-post]
            """)
    void masks_personal_identity_numbers_phone_numbers_and_email_addresses(String text, String masked) {
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "\"{0}\" stays as written")
    @ValueSource(
            strings = {
                "Möte 2021-03-04 kl. 18:00 i Hässleholms bibliotek",
                "den 4 mars 2021",
                "Otryggt vid Stortorget efter 22:30",
                "kl 08.30 och kl 22:30-23:30",
                "Storgatan 12",
                "Storgatan 12, 281 31 Hässleholm",
                "minst 20 kontroller i månaden",
                "ca 150 personer deltog",
                "sedan 2019, och 2021 ännu värre",
                "Tryggheten har ökat sedan 2019-2020",
                "från 2021-03-04 till 2022-01-01",
                "2021-03-04 2022-01-01",
                "01-03-2021",
                "20210304",
                "2021-03-04T07:30:00+01:00",
                "öppet 0800-1700",
                "v. 12 och 13",
                "1 500 000 kronor",
                "Ca 40 ungdomar vid Stortorget 2, fredagar 21-23",
                "Väg 21 norr om Hässleholm",
                "2 av 5 känner sig otrygga",
                "0,5 km belysning saknas",
                "LPO Hässleholm, kommunkod 1293",
                "ärende 1234-5678"
            })
    void leaves_dates_times_counts_years_street_numbers_and_postal_codes_alone(String text) {
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void masking_what_is_masked_changes_nothing_so_a_stored_text_can_be_masked_again_on_load() {
        String once = PersonalDataMasker.mask("Anna, 850312-1234, anna@exempel.se, 070-123 45 67");

        assertThat(once).isEqualTo("Anna, [personnummer], [e-post], [telefon]");
        assertThat(PersonalDataMasker.mask(once)).isEqualTo(once);
    }

    @Test
    void no_text_is_no_text() {
        assertThat(PersonalDataMasker.mask(null)).isNull();
        assertThat(PersonalDataMasker.mask("")).isEmpty();
    }
}
