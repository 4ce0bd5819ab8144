package se.medborgarloften.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventPublisher;
import se.medborgarloften.platform.messaging.testing.HeadlessChromium;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/**
 * The public dashboard in a real browser (Debian's headless Chromium) against the running service: Hässleholm's
 * 2021 promises as citizens see them, a traffic control arriving on the open page without a reload, and no word a
 * citizen said. Screenshots land in {@code target/dashboard.png} and {@code target/dashboard-phone.png}.
 */
@EnabledIf(
        value = "browserInstalled",
        disabledReason = "no browser at /usr/bin/chromium: apt-get install chromium chromium-driver (.ci/run does)")
@ServiceIntegrationTest
// A graceful shutdown would wait 30 s for the browser's open event streams.
class PublicDashboardBrowserTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final String[] MONTHS = {
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december"
    };

    /** What citizens said in a dialogue: it reaches the service, and must never reach the page. */
    private static final String CITIZEN_WORDS = "Min granne på Storgatan 4 säljer knark varje kväll";

    private static final String CODE = "1293";
    private static final String TRAFFIC = "p-trafik-1293";
    private static final String DRUG_TRADE = "p-droghandel-1293";

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private EventPublisher events;

    /** Machines without Debian's Chromium skip this class before the service is started for it. */
    static boolean browserInstalled() {
        return HeadlessChromium.installed();
    }

    @BeforeAll
    static void openBrowser() {
        chromium = new HeadlessChromium(1280, 900);
        browser = chromium.browser();
    }

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @BeforeEach
    void connect() {
        events = new EventPublisher(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void hassleholms_2021_promises_show_as_cards_and_a_new_traffic_control_appears_without_a_reload()
            throws IOException {
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, hassleholm2021());
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity("CONTACT_MEETING", "2021-05-20T18:00+02:00", Map.of("attendees", 14), null));
        for (int day = 1; day <= 20; day++) {
            publish(
                    Topics.ACTIVITY_EVENTS,
                    ActivityEventTypes.RECORDED,
                    trafficControl(String.format("2021-01-%02dT08:00+01:00", day), true));
        }
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, trafficControl("2021-03-03T08:00+01:00", true));
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, trafficControl("2021-03-09T08:00+01:00", true));
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, trafficControl("2021-03-10T08:00+01:00", false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity("DRUG_TRADE_OPERATION", "2021-06-11T21:00+02:00", Map.of("arrests", 2), DRUG_TRADE));
        publish(Topics.DIALOGUE_EVENTS, DialogueEventTypes.FEEDBACK_SUBMITTED, dialogueAtTheTravelCentre());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(progressApi())
                        .contains("\"period\":\"2021-03\",\"done\":2,")
                        .contains("\"assessment\":\"PARTLY_FULFILLED\""));

        browser.get(page("/"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(card(TRAFFIC).text()).contains("Totalt 22 riktade trafikkontroller");
            assertThat(card("p-grannsamverkan-1293").status()).isEqualTo("MET");
            assertThat(card(DRUG_TRADE).text()).contains("Kopplat arbete");
            assertThat(liveState()).isEqualTo("live");
        });

        assertThat(js("return document.documentElement.lang;")).isEqualTo("sv");
        assertThat(js("return document.querySelector('h1').textContent;")).isEqualTo("Medborgarlöften 2021");
        assertThat(js("return document.getElementById('agreement-parties').textContent;"))
                .isEqualTo("Hässleholms kommun och Lokalpolisområde Hässleholm");
        assertThat(js("const k = document.getElementById('kommun'); return k.options[k.selectedIndex].text;"))
                .isEqualTo("Hässleholm");
        assertThat(js("return document.querySelectorAll('main article.card').length;"))
                .isEqualTo(5L);
        assertThat(js("return document.getElementById('summary').textContent;"))
                .isEqualTo("5 löften: 1 uppfyllt, 2 missade, 1 bedömt, 1 ej bedömt");

        assertThat(card("p-grannsamverkan-1293").glance())
                .isEqualTo(new Glance("Grannsamverkan och kontaktombudsträff", "Gemensamt", "MET", "Uppfyllt"));
        assertThat(card("p-grannsamverkan-1293").text())
                .contains("Mål: minst en kontaktombudsträff under året · 2021", "1 av 1 under 2021 – målet nåddes");
        assertThat(card("p-trygghetsvandring-1293").glance())
                .isEqualTo(new Glance("Trygghetsvandring", "Gemensamt", "MISSED", "Missat"));
        assertThat(card("p-trygghetsvandring-1293").text()).contains("0 av 1 under 2021 – målet nåddes inte");
        assertThat(card(DRUG_TRADE).glance())
                .isEqualTo(new Glance("Öppen droghandel", "Polisen", "ASSESSED", "Bedömt"));
        assertThat(card(DRUG_TRADE).text())
                .contains(
                        "Senaste bedömning, fjärde kvartalet 2021",
                        "Delvis uppfyllt",
                        "Färre öppna försäljningsplatser vid resecentrum",
                        "Kopplat arbete: en insats mot droghandel");
        assertThat(card("p-tongivande-1293").glance())
                .isEqualTo(new Glance("Tongivande kriminella", "Polisen", "UNASSESSED", "Ej bedömt"));
        Card traffic = card(TRAFFIC);
        assertThat(traffic.glance()).isEqualTo(new Glance("Riktade trafikkontroller", "Polisen", "MISSED", "Missat"));
        assertThat(traffic.text())
                .contains(
                        "Mål: minst 20 riktade trafikkontroller i månaden · 2021",
                        "Målet nåddes 1 av 12 månader under 2021",
                        "Totalt 22 riktade trafikkontroller",
                        "220 kontrollerade fordon",
                        "22 överträdelser");
        assertThat(traffic.months())
                .as("twelve month markers: January met, March missed with 2 (the untargeted control not counted)")
                .hasSize(12)
                .startsWith("2021-01 MET 20", "2021-02 MISSED 0", "2021-03 MISSED 2")
                .endsWith("2021-12 MISSED 0");

        WebElement trafficCard = browser.findElement(By.cssSelector(cardSelector(TRAFFIC)));
        js("window.sameDocument = 'still here';");
        long sent = System.nanoTime();
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, trafficControl("2021-03-15T08:00+01:00", true));
        await().atMost(LIVE_WITHIN)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(card(TRAFFIC).months()).contains("2021-03 MISSED 3"));
        System.out.println("The new traffic control was on the open page after "
                + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");

        assertThat(js("return window.sameDocument;"))
                .as("the page was not reloaded")
                .isEqualTo("still here");
        assertThat(textOf(trafficCard))
                .as("the very card element the browser showed before, updated in place")
                .contains("Totalt 23 riktade trafikkontroller", "230 kontrollerade fordon", "23 överträdelser");
        assertThat(js("return document.getElementById('announcer').textContent;"))
                .isEqualTo("Riktade trafikkontroller: 3 av 20 i mars.");

        await().atMost(LIVE_WITHIN)
                .untilAsserted(() -> assertThat(bars("aktiviteter-list"))
                        .as("the situation picture follows too: 20 + 3 targeted, 1 untargeted, all counted")
                        .contains("Trafikkontroller 24"));
        assertThat(bars("oro-list")).containsExactly("Droghandel 6 personer", "Belysning färre än 3");
        assertThat(textOf(browser.findElement(By.id("oro")))).contains("Hässleholm centrum: 6 personer");
        assertThat(textOf(browser.findElement(By.id("trygghet")))).contains("av 5", "3 svar");
        assertThat(textOf(browser.findElement(By.id("ni-sa")))).contains("Ni sa", "Öppen droghandel");
        assertThat(browser.getPageSource())
                .as("no feedback text, ever")
                .doesNotContain(CITIZEN_WORDS)
                .doesNotContain("Storgatan")
                .doesNotContain("gångtunneln")
                .doesNotContain("Dialogens anteckningar");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .as("the page's console: no script errors, no blocked resources, nothing fetched that failed")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());

        await().atMost(Duration.ofSeconds(5))
                .until(() -> (Long) js("return document.querySelectorAll('.flash').length;") == 0);
        screenshot(1280, "dashboard.png");
        screenshot(390, "dashboard-phone.png");
    }

    @Test
    void the_picker_shows_another_municipality_whose_running_month_has_its_pace_and_days_left() {
        ZonedDateTime now = ZonedDateTime.now(STOCKHOLM);
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, kristianstad(now.getYear()));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControlIn("1290", now.toOffsetDateTime().minusSeconds(5).toString(), true));

        browser.get(page("/?kommun=1293&ar=2021"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "false".equals(browser.findElement(By.id("main")).getDomAttribute("aria-busy")));
        js("window.sameDocument = 'still here';");
        new Select(browser.findElement(By.id("kommun"))).selectByVisibleText("Kristianstad");
        new Select(browser.findElement(By.id("ar"))).selectByValue(String.valueOf(now.getYear()));
        browser.findElement(By.cssSelector("#picker button[type=submit]")).sendKeys(Keys.ENTER);

        String thisMonth = String.format("%d-%02d", now.getYear(), now.getMonthValue());
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(card("p-trafik-1290").months()).anyMatch(m -> m.startsWith(thisMonth)));
        assertThat(browser.getCurrentUrl()).endsWith("/?kommun=1290&ar=" + now.getYear());
        assertThat(js("return window.sameDocument;"))
                .as("the picker does not reload the page")
                .isEqualTo("still here");
        assertThat(js("return document.getElementById('agreement-parties').textContent;"))
                .isEqualTo("Kristianstads kommun och Lokalpolisområde Kristianstad");
        Card traffic = card("p-trafik-1290");
        assertThat(traffic.status()).isIn("ON_TRACK", "BEHIND", "MET");
        if (!traffic.status().equals("MET")) {
            assertThat(js(
                            "return document.querySelectorAll(arguments[0] + ' .bar .bar-pace').length;",
                            cardSelector("p-trafik-1290")))
                    .as("the bar shows where the count should be by now")
                    .isEqualTo(1L);
        }
        assertThat(traffic.text())
                .containsPattern(
                        "\\d+ av 20 i " + MONTHS[now.getMonthValue() - 1] + "(, \\d+ dagar? kvar| – målet är nått)");
        assertThat(traffic.months()).anyMatch(m -> m.matches(thisMonth + " (RUNNING|MET) \\d+"));
    }

    /** What a glance at a promise card tells: its title, who answers for it, and its badge. */
    private record Glance(String title, String party, String status, String badge) {}

    /**
     * What a promise card shows, read in one step so that a live update in between cannot mix two renderings.
     *
     * @param months each period marker as "{period} {status} {done}"
     */
    private record Card(Glance glance, String text, List<String> months) {

        String status() {
            return glance.status();
        }
    }

    @SuppressWarnings("unchecked")
    private Card card(String promiseId) {
        var seen = (Map<String, Object>) js("""
                const card = document.querySelector(arguments[0]);
                if (!card) return null;
                const badge = card.querySelector('.badge');
                return {
                  title: card.querySelector('h3').textContent,
                  party: card.querySelector('.party').textContent,
                  status: badge.dataset.status,
                  badge: badge.textContent,
                  text: card.innerText,
                  months: [...card.querySelectorAll('.markers li')].map(li =>
                    li.dataset.period + ' ' + li.dataset.status + ' ' + li.querySelector('.marker').textContent)
                };
                """, cardSelector(promiseId));
        assertThat(seen).as("a card for " + promiseId).isNotNull();
        return new Card(
                new Glance(
                        (String) seen.get("title"),
                        strip((String) seen.get("party"), "Ansvarig: "),
                        (String) seen.get("status"),
                        strip((String) seen.get("badge"), "Status: ")),
                plain((String) seen.get("text")),
                (List<String>) seen.get("months"));
    }

    private static String cardSelector(String promiseId) {
        return "article.card[data-promise-id='" + promiseId + "']";
    }

    /** The text as a reader hears it starts with a hidden word for context ("Status: "); what the eye sees follows. */
    private static String strip(String text, String spokenPrefix) {
        assertThat(text).startsWith(spokenPrefix);
        return text.substring(spokenPrefix.length());
    }

    /** The text of an element as rendered, with Swedish number formatting's no-break spaces as plain spaces. */
    private String textOf(WebElement element) {
        return plain((String) js("return arguments[0].innerText;", element));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** The bars of a situation panel, each as "{label} {value}". */
    @SuppressWarnings("unchecked")
    private List<String> bars(String listId) {
        return ((List<String>) js(
                        "return [...document.querySelectorAll('#' + arguments[0] + ' .bar-row')]"
                                + ".map(row => row.children[0].textContent + ' ' + row.children[1].textContent);",
                        listId))
                .stream().map(PublicDashboardBrowserTest::plain).toList();
    }

    private String liveState() {
        return (String) js("return document.getElementById('live').dataset.state;");
    }

    private Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** A full-page screenshot at a viewport width, the page laid out as a phone or desktop of that width would. */
    private void screenshot(int width, String name) throws IOException {
        boolean phone = width < 600;
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", phone));
        long height = (Long) js("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private String progressApi() {
        return new Api(port)
                .get("/api/progress?municipalityCode=" + CODE + "&year=2021")
                .body();
    }

    private String page(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void publish(String topic, String type, AggregateEvent data) {
        events.publish(topic, type, data);
    }

    /** The five promises Hässleholms kommun and the police made for 2021, as promise-service publishes them. */
    private static AgreementEvent hassleholm2021() {
        List<PromiseSnapshot> promises = List.of(
                new PromiseSnapshot(
                        "p-grannsamverkan-1293",
                        "Grannsamverkan och kontaktombudsträff",
                        "Kommunen och polisen fortsätter med grannsamverkan och bjuder in till minst en"
                                + " kontaktombudsträff.",
                        "JOINT",
                        "NEIGHBOURHOOD_WATCH",
                        null,
                        List.of(),
                        List.of(new CommitmentSnapshot("c-kontaktombud-1293", "CONTACT_MEETING", 1, "YEAR", null)),
                        List.of()),
                new PromiseSnapshot(
                        "p-trygghetsvandring-1293",
                        "Trygghetsvandring",
                        "Kommunen och polisen arrangerar och bjuder in till minst en trygghetsvandring under året på"
                                + " en prioriterad ort eller plats i kommunen.",
                        "JOINT",
                        "SAFETY_WALK",
                        null,
                        List.of(),
                        List.of(new CommitmentSnapshot("c-trygghetsvandring-1293", "SAFETY_WALK", 1, "YEAR", null)),
                        List.of()),
                new PromiseSnapshot(
                        DRUG_TRADE,
                        "Öppen droghandel",
                        "Polisen fortsätter arbetet mot den öppna droghandeln.",
                        "POLICE",
                        "DRUG_TRADE",
                        null,
                        List.of(),
                        List.of(),
                        List.of(new AssessmentSnapshot(
                                "2021-Q4",
                                "PARTLY_FULFILLED",
                                "Färre öppna försäljningsplatser vid resecentrum, men handeln har flyttat till"
                                        + " parkerna.",
                                "samordnare",
                                OffsetDateTime.parse("2022-01-14T10:00+01:00")))),
                new PromiseSnapshot(
                        "p-tongivande-1293",
                        "Tongivande kriminella",
                        "Polisen intensifierar arbetet mot tongivande kriminella i kommunen.",
                        "POLICE",
                        "KEY_CRIMINALS",
                        null,
                        List.of(),
                        List.of(),
                        List.of()),
                trafficPromise(TRAFFIC, "c-trafik-1293"));
        return agreement(CODE, "Hässleholms kommun", "Lokalpolisområde Hässleholm", 2021, promises);
    }

    private static AgreementEvent kristianstad(int year) {
        return agreement(
                "1290",
                "Kristianstads kommun",
                "Lokalpolisområde Kristianstad",
                year,
                List.of(trafficPromise("p-trafik-1290", "c-trafik-1290")));
    }

    private static PromiseSnapshot trafficPromise(String id, String commitmentId) {
        return new PromiseSnapshot(
                id,
                "Riktade trafikkontroller",
                "Polisen gör minst 20 riktade trafikkontroller i månaden för att minska problem i trafiken.",
                "POLICE",
                "TRAFFIC",
                null,
                List.of(),
                List.of(new CommitmentSnapshot(
                        commitmentId, "TRAFFIC_CONTROL", 20, "MONTH", new CommitmentFilter(null, true, null))),
                List.of());
    }

    private static AgreementEvent agreement(
            String code, String name, String policeArea, int year, List<PromiseSnapshot> promises) {
        var agreement = new AgreementSnapshot(
                code + "-" + year,
                code,
                name,
                policeArea,
                year,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                List.of("INTELLIGENCE", "POLICE_SAFETY_SURVEY", "CITIZEN_DIALOGUE", "CRIME_STATISTICS", "EST"),
                "AGREED",
                List.of(),
                promises);
        return new AgreementEvent(agreement.id(), 3, null, agreement);
    }

    private static ActivityEvent trafficControl(String startedAt, boolean targeted) {
        return trafficControlIn(CODE, startedAt, targeted);
    }

    private static ActivityEvent trafficControlIn(String code, String startedAt, boolean targeted) {
        String controlId = "RPS-" + code + "-" + UUID.randomUUID();
        return new ActivityEvent(
                "tc-" + UUID.randomUUID(),
                1,
                "TRAFFIC_CONTROL",
                code,
                "Väg 21 norr om Hässleholm",
                OffsetDateTime.parse(startedAt),
                null,
                Map.of("kind", "SPEED", "targeted", targeted, "vehiclesChecked", 10, "violations", 1),
                null,
                controlId,
                "POLICE_FEED",
                false,
                null);
    }

    private static ActivityEvent activity(
            String type, String occurredAt, Map<String, Object> details, String promiseId) {
        return new ActivityEvent(
                "a-" + UUID.randomUUID(),
                1,
                type,
                CODE,
                "Hässleholm centrum",
                OffsetDateTime.parse(occurredAt),
                null,
                details,
                promiseId,
                "ext-" + UUID.randomUUID(),
                "STAFF",
                false,
                null);
    }

    /** A dialogue at the travel centre: six citizens worried about drug dealing, two about lighting, in words. */
    private static DialogueEvent dialogueAtTheTravelCentre() {
        OffsetDateTime heldAt = OffsetDateTime.parse("2021-03-04T18:00+01:00");
        List<FeedbackSnapshot> feedback = new ArrayList<>();
        feedback.add(feedback("f-1", "DRUG_TRADE", 3, 2, CITIZEN_WORDS, heldAt));
        feedback.add(feedback("f-2", "DRUG_TRADE", 3, 2, "Det är otryggt vid resecentrum på kvällen", heldAt));
        feedback.add(feedback("f-3", "LIGHTING", 2, 3, "Trasiga lampor i gångtunneln", heldAt));
        var dialogue = new DialogueSnapshot(
                "d-resecentrum-1293",
                CODE,
                "Hässleholm centrum",
                heldAt,
                "PUBLIC_MEETING",
                "JOINT",
                null,
                40,
                "Dialogens anteckningar: " + CITIZEN_WORDS,
                heldAt,
                feedback);
        return new DialogueEvent(dialogue.id(), 2, "f-3", dialogue);
    }

    private static FeedbackSnapshot feedback(
            String id, String category, int citizens, int perceivedSafety, String text, OffsetDateTime at) {
        return new FeedbackSnapshot(
                id, category, null, "EVENING", perceivedSafety, citizens, text, null, "NEW", null, false, at);
    }
}
