package org.rapport.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * The dashboard as a partnership manager and a funder's programme officer use it, in headless
 * Chromium (Debian's chromium and chromedriver) against the running service. Each partnership is
 * seeded for organisations of this run only, so a partner's portfolio holds exactly what is seeded
 * here. axe-core (from the npm registry, installed by the build) checks each kind of page at WCAG
 * 2.2 AA. Screenshots and the printed report go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String ORG_A = "harbour-" + RUN;
    static final String ORG_B = "riverside-" + RUN;
    static final String ORG_C = "lindenfield-" + RUN;
    static final String FUNDER = "northern-trust-" + RUN;
    static final String LOTTERY = "community-fund-" + RUN;

    static WebDriver browser;
    /** Three partners, 300 days old, meeting, surveyed, a grant from FUNDER ending in 120 days. */
    static UUID harbour;
    /** 400 days old, its last meeting 200 days ago. */
    static UUID quiet;
    /** Formed today. */
    static UUID fresh;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        var available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(available).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
            assertThat(AXE).as("the build installs axe-core from the npm registry").exists();
        }
        Assumptions.assumeTrue(available, "Debian's chromium and chromium-driver are not installed");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        var logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.WARNING);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void seedOnce() {
        if (harbour == null) {
            seed();
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** What the page wrote to the browser's console: a script error fails the test that met it. */
    @org.junit.jupiter.api.AfterEach
    void noScriptErrors() {
        var errors = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                // A refused token or an invalid form is answered 4xx, which the browser logs as a failed fetch.
                .filter(m -> !m.matches(".*the server responded with a status of 4\\d\\d.*"))
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    static void seed() {
        Funders.register(FUNDER, LOTTERY);
        var now = LocalDate.now();
        harbour = form("Harbour Families Partnership", now.minusDays(300), ORG_A, ORG_B, ORG_C);
        for (int days = 90; days >= 6; days -= 14) {
            record(harbour, Partnerships.meeting(now.minusDays(days).toString(), ORG_A, ORG_B, ORG_C));
        }
        record(harbour, Map.of("type", "SharedGoalAgreed", "occurredAt", now.minusDays(80).toString(), "goalId",
                "goal-1", "statement", "Fewer families wait for help.", "primary", true,
                "endorsedBy", List.of(ORG_A, ORG_B, ORG_C)));
        record(harbour, Map.of("type", "TrustSurveyRecorded", "occurredAt", now.minusDays(20).toString(),
                "surveyId", "s1", "respondentOrg", ORG_A, "ratedOrg", ORG_B, "trust", 4, "reliability", 4,
                "openness", 4, "sharedInterest", 5));
        record(harbour, Map.of("type", "FundingSecured", "occurredAt", now.minusDays(200).toString(), "fundingId",
                "grant-1", "funder", Map.of("funderId", FUNDER, "name", "Northern Trust", "kind", "TRUST"),
                "amount", 120000, "currency", "GBP", "startsOn", now.minusDays(200).toString(),
                "endsOn", now.plusDays(120).toString(), "coreCosts", true));
        quiet = form("Quiet Lane Network", now.minusDays(400), ORG_A, ORG_B);
        record(quiet, Partnerships.meeting(now.minusDays(200).toString(), ORG_A, ORG_B));
        fresh = form("Fresh Start Alliance", now, ORG_A, ORG_C);
    }

    static UUID form(String name, LocalDate on, String... orgs) {
        var body = new HashMap<>(Partnerships.formed(name, orgs));
        body.put("occurredAt", on.toString());
        body.put("foundingPartners", java.util.Arrays.stream(orgs).map(org -> Map.of("orgId", org, "name",
                org.substring(0, 1).toUpperCase() + org.substring(1, org.indexOf('-')) + " Trust", "sector",
                "VOLUNTARY")).toList());
        var location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static void record(UUID id, Map<String, Object> event) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(event)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
    }

    static JsonPath health(UUID id, String query) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> events(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/events?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("events");
    }

    static Map<String, Object> last(UUID id) {
        var all = events(id);
        return all.get(all.size() - 1);
    }

    // --- driving the page ---------------------------------------------------------------------------

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Signs in as {@code token} in a fresh tab state, then opens {@code hash}. */
    void signedIn(String token, String hash) {
        browser.get(root.toString());
        js().executeScript("sessionStorage.clear(); sessionStorage.setItem('rapport.token', arguments[0])", token);
        browser.get(root.toString() + hash);
        browser.navigate().refresh();
    }

    void openPartnership(UUID id, String token) {
        signedIn(token, "#/p/" + id);
        waiting().until(d -> d.findElements(By.cssSelector("#chart[data-points]")).size() == 1);
    }

    /** Sets an input's value as a person would leave it, and tells the page it changed. */
    void set(String id, String value) {
        var element = browser.findElement(By.id(id));
        js().executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value);
    }

    void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    void check(String id) {
        var box = browser.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Picks what happened in the record section and waits for its form. */
    void recording(String type) {
        choose("record-type", type);
        waiting().until(d -> type.equals(d.findElement(By.id("event-form")).getAttribute("data-type")));
    }

    /** Submits the form and waits for the page to say it was recorded. */
    void submitAndWait() {
        browser.findElement(By.id("record-submit")).click();
        var refused = (String) waiting().until(d -> js().executeScript("if (document.getElementById('page-message'))"
                + " return 'recorded'; const shown = [...document.querySelectorAll('.field-error, #form-problem')]"
                + ".filter(e => e.textContent).map(e => (e.dataset.field || '') + ' ' + e.textContent);"
                + " return shown.length ? shown.join('; ') : null;"));
        assertThat(refused).as("the page's answer to the form").isEqualTo("recorded");
    }

    /** The page from its top, as long as it is (at most 3,000 pixels), through the DevTools protocol. */
    static void screenshot(String file) throws Exception {
        Files.createDirectories(SHOTS);
        var page = (JavascriptExecutor) browser;
        var height = Math.min(3_000, ((Number) page.executeScript("return document.documentElement.scrollHeight")).intValue());
        var width = ((Number) page.executeScript("return window.innerWidth")).intValue();
        var shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        Files.write(SHOTS.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** One part of the page, as the person using it sees it: the element and a margin around it. */
    static void screenshotOf(By by, String file) throws Exception {
        Files.createDirectories(SHOTS);
        @SuppressWarnings("unchecked")
        var box = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("const r = arguments[0]"
                + ".getBoundingClientRect(); return {x: Math.max(0, r.left + scrollX - 16), y: Math.max(0, r.top + scrollY - 16),"
                + " width: Math.min(r.width + 32, innerWidth), height: Math.min(r.height + 32, 3000)};",
                browser.findElement(by));
        var shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", box.get("x"), "y", box.get("y"),
                        "width", box.get("width"), "height", box.get("height"), "scale", 1)));
        Files.write(SHOTS.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** axe-core's WCAG 2.2 AA rules (and those of 2.0 and 2.1 they include) on the page as it stands. */
    void noAccessibilityViolations(String page) throws Exception {
        Assumptions.assumeTrue(Files.exists(AXE), "axe-core is installed by the build (npm ci into target/npm)");
        js().executeScript(Files.readString(AXE));
        @SuppressWarnings("unchecked")
        var violations = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                        + " 'wcag22aa']}}).then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
                        + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))),"
                        + " e => done([{id: 'axe-error', help: String(e), nodes: []}]));");
        assertThat(violations).as("axe-core WCAG 2.2 AA violations on " + page).isEmpty();
    }

    String activeId() {
        return (String) js().executeScript("return document.activeElement && (document.activeElement.id"
                + " || document.activeElement.tagName)");
    }

    // --- the tests ----------------------------------------------------------------------------------

    @Test
    @Order(1)
    void signing_in_shows_the_portfolio_sorted_by_attention_with_each_rows_most_severe_alert() throws Exception {
        browser.get(root.toString());
        js().executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        var token = visible(By.id("token"));
        noAccessibilityViolations("sign-in");
        token.sendKeys(Tokens.partner(ORG_A));
        browser.findElement(By.id("sign-in")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#portfolio tbody tr[data-id]")).size() == 3);

        var api = given().auth().oauth2(Tokens.partner(ORG_A)).when().get("/partnerships?sort=attention")
                .then().statusCode(200).extract().jsonPath();
        List<String> expected = api.getList("items.id");
        var rows = browser.findElements(By.cssSelector("#portfolio tbody tr[data-id]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-id")).as("the page's default order is triage")
                .containsExactlyElementsOf(expected);
        assertThat(new Select(browser.findElement(By.id("sort"))).getFirstSelectedOption().getText())
                .isEqualTo("Needs attention first");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var status = api.getString("items[" + i + "].status");
            assertThat(row.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo(status);
            String code = api.getString("items[" + i + "].mostSevereAlert.code");
            if (code == null) {
                assertThat(row.findElement(By.cssSelector(".alert-cell")).getText()).isEqualTo("No alerts");
            } else {
                var line = row.findElement(By.cssSelector(".alert-line"));
                assertThat(line.getAttribute("data-code")).isEqualTo(code);
                assertThat(line.findElement(By.cssSelector(".severity")).getAttribute("data-severity"))
                        .isEqualTo(api.getString("items[" + i + "].mostSevereAlert.severity"));
                assertThat(line.getText()).as("the alert in words, not its code")
                        .contains(api.getString("items[" + i + "].mostSevereAlert.label")).doesNotContain(code);
            }
            if (status.equals("NOT_ENOUGH_DATA")) {
                assertThat(row.findElement(By.cssSelector(".overall")).getText()).isEqualTo("No score yet");
                assertThat(row.findElements(By.cssSelector(".bar-row"))).as("no scores beside not enough data").isEmpty();
            } else {
                assertThat(row.findElements(By.cssSelector(".bar-row"))).hasSize(6).allSatisfy(bar -> assertThat(
                        bar.getAttribute("data-band")).isIn("low", "middle", "high", "none"));
            }
        }
        assertThat(browser.getTitle()).isEqualTo("Portfolio · Rapport");
        noAccessibilityViolations("the portfolio");
        screenshot("portfolio.png");
    }

    @Test
    @Order(2)
    void changing_a_filter_keeps_focus_in_the_filters_and_the_csv_link_is_there() {
        signedIn(Tokens.partner(ORG_A), "#/");
        waiting().until(d -> d.findElements(By.cssSelector("#portfolio tbody tr[data-id]")).size() == 3);
        var status = browser.findElement(By.id("filter-status"));
        status.click();
        new Select(status).selectByValue("NOT_ENOUGH_DATA");
        waiting().until(d -> d.findElements(By.cssSelector("#portfolio tbody tr[data-id]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#portfolio tbody tr[data-id]")).getAttribute("data-id"))
                .isEqualTo(fresh.toString());
        assertThat(activeId()).as("focus stays on the filter that changed").isEqualTo("filter-status");
        assertThat(browser.getCurrentUrl()).as("the filters are in the address, to share").contains("status=NOT_ENOUGH_DATA");
        assertThat(browser.findElement(By.id("export-csv")).getText()).contains("CSV");
    }

    @Test
    @Order(3)
    void a_deep_link_survives_sign_in_and_focus_moves_to_the_heading() throws Exception {
        browser.get(root.toString());
        js().executeScript("sessionStorage.clear()");
        browser.get(root.toString() + "#/p/" + harbour);
        browser.navigate().refresh();
        visible(By.id("token")).sendKeys(Tokens.partner(ORG_A));
        browser.findElement(By.id("sign-in")).click();
        var heading = visible(By.id("partnership-name"));
        assertThat(heading.getText()).isEqualTo("Harbour Families Partnership");
        assertThat(browser.getCurrentUrl()).endsWith("#/p/" + harbour);
        waiting().until(d -> "partnership-name".equals(activeId()));
        assertThat(browser.getTitle()).isEqualTo("Harbour Families Partnership · Rapport");
        screenshot("deep-link-signed-in.png");

        // From the portfolio, by a link: the new page's heading takes the focus again.
        browser.findElement(By.linkText("Back to the portfolio")).click();
        waiting().until(d -> d.getTitle().equals("Portfolio · Rapport"));
        waiting().until(d -> "H1".equals(activeId()));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Portfolio");
    }

    @Test
    @Order(4)
    void the_partnership_page_explains_its_health_in_words_with_its_facts() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        var health = health(harbour, "");
        var why = visible(By.id("status-reasons")).findElements(By.tagName("li"));
        List<String> statusReasons = health.getList("statusReasons");
        assertThat(why).extracting(WebElement::getText).hasSize(statusReasons.size())
                .allSatisfy(text -> assertThat(statusReasons).anySatisfy(r -> assertThat(text).isEqualToIgnoringCase(r)));

        var trust = browser.findElement(By.cssSelector(".dimension[data-dimension='trust']"));
        assertThat(trust.findElement(By.cssSelector(".basis")).getAttribute("data-basis"))
                .isEqualTo(health.getString("dimensions.trust.basis"));
        assertThat(browser.findElements(By.cssSelector(".reason.kind-TERM .points"))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getText()).matches("\\d+(\\.\\d)? of \\d+(\\.\\d)?"));

        List<Map<String, Object>> nextSteps = health.getList("nextSteps");
        var steps = browser.findElements(By.cssSelector("#next-steps li"));
        assertThat(steps).hasSize(nextSteps.size());
        if (!nextSteps.isEmpty()) {
            assertThat(steps.get(0).findElement(By.cssSelector(".step-text")).getText())
                    .isEqualTo(nextSteps.get(0).get("text"));
        }

        List<Map<String, Object>> alerts = health.getList("alerts");
        assertThat(alerts).extracting(a -> a.get("code")).as("a grant ending in 120 days with no plan").contains("FUNDING_CLIFF");
        var labels = given().auth().oauth2(Tokens.partner(ORG_A)).when().get("/health-model/alerts").then()
                .statusCode(200).extract().jsonPath();
        for (var alert : alerts) {
            var item = browser.findElement(By.cssSelector("#alerts li[data-code='" + alert.get("code") + "']"));
            var label = labels.getString("find { it.code == '" + alert.get("code") + "' }.label");
            assertThat(item.findElement(By.cssSelector(".severity")).getAttribute("data-severity")).isEqualTo(alert.get("severity"));
            assertThat(item.getText()).contains(label).contains((String) alert.get("prompt"))
                    .doesNotContain((String) alert.get("code"));
        }

        var facts = browser.findElement(By.id("facts"));
        assertThat(facts.findElement(By.cssSelector("[data-funding='grant-1']")).getText())
                .contains("Northern Trust").contains("£120,000").contains("in 120 days").contains("None recorded");
        assertThat(facts.getText()).contains("Harbour Trust", "Riverside Trust", "Lindenfield Trust",
                "\"Fewer families wait for help.\"");
        assertThat(browser.findElement(By.id("timeline")).getText()).as("names, not ids")
                .contains("Harbour Trust rated Riverside Trust").doesNotContain(ORG_A);
        noAccessibilityViolations("a partnership");
        screenshot("partnership.png");
    }

    @Test
    @Order(5)
    void a_revised_goal_is_recorded_from_the_page() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("SharedGoalRevised");
        choose("f-goalId", "goal-1");
        choose("f-change", "EXPANDED");
        set("f-statement", "Fewer families wait for help, and none waits alone.");
        check("f-endorsedBy-0");
        check("f-endorsedBy-1");
        screenshotOf(By.id("record"), "record-goal.png");
        submitAndWait();
        var stored = last(harbour);
        assertThat(stored.get("type")).isEqualTo("SharedGoalRevised");
        assertThat(stored.get("data")).isEqualTo(Map.of("goalId", "goal-1", "change", "EXPANDED", "statement",
                "Fewer families wait for help, and none waits alone.", "endorsedBy", List.of(ORG_A, ORG_B)));
        assertThat(browser.findElement(By.cssSelector("#timeline li")).getText()).contains("Shared goal revised");
    }

    @Test
    @Order(6)
    void a_new_grant_is_recorded_from_the_page() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("FundingSecured");
        set("f-funder-funderId", LOTTERY);
        set("f-funder-name", "Lottery Community Fund");
        choose("f-funder-kind", "LOTTERY");
        set("f-amount", "45000");
        set("f-currency", "GBP");
        set("f-startsOn", LocalDate.now().toString());
        set("f-endsOn", LocalDate.now().plusYears(2).toString());
        check("f-coreCosts");
        screenshotOf(By.id("record"), "record-grant.png");
        submitAndWait();
        var stored = last(harbour);
        assertThat(stored.get("type")).isEqualTo("FundingSecured");
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) stored.get("data");
        assertThat(data.get("fundingId")).as("the page makes up the new grant's id").asString().startsWith("funding-");
        assertThat(data).containsEntry("currency", "GBP").containsEntry("coreCosts", true)
                .containsEntry("endsOn", LocalDate.now().plusYears(2).toString());
        assertThat(((Number) data.get("amount")).intValue()).isEqualTo(45000);
        assertThat(data.get("funder")).isEqualTo(Map.of("funderId", LOTTERY, "name", "Lottery Community Fund",
                "kind", "LOTTERY"));
        assertThat(browser.findElement(By.id("facts")).getText()).contains("Lottery Community Fund", "£45,000");
    }

    @Test
    @Order(7)
    void a_leadership_change_is_recorded_from_the_page() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("LeadershipChanged");
        choose("f-orgId", ORG_B);
        choose("f-role", "CHIEF_EXECUTIVE");
        set("f-effectiveOn", LocalDate.now().minusDays(1).toString());
        screenshotOf(By.id("record"), "record-leadership.png");
        submitAndWait();
        var stored = last(harbour);
        assertThat(stored.get("type")).isEqualTo("LeadershipChanged");
        var expected = new HashMap<String, Object>(Map.of("orgId", ORG_B, "role", "CHIEF_EXECUTIVE",
                "effectiveOn", LocalDate.now().minusDays(1).toString(), "handoverHeld", false));
        expected.put("incomingRef", null);
        assertThat(stored.get("data")).as("no one in the post yet: incomingRef null").isEqualTo(expected);
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Riverside Trust's chief executive changed").contains("the post is vacant");
    }

    @Test
    @Order(8)
    void a_trust_survey_round_is_recorded_from_the_page_as_one_survey() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("TrustSurveyRound");
        choose("round-respondent", ORG_A);
        var rows = browser.findElements(By.cssSelector("fieldset[data-rated]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-rated")).containsExactly(ORG_B, ORG_C);
        for (int i = 0; i < 2; i++) {
            choose("round-" + i + "-trust", "4");
            choose("round-" + i + "-reliability", i == 0 ? "5" : "3");
            choose("round-" + i + "-openness", "4");
            choose("round-" + i + "-sharedInterest", "4");
        }
        screenshotOf(By.id("record"), "record-survey-round.png");
        int before = events(harbour).size();
        submitAndWait();
        var all = events(harbour);
        assertThat(all).hasSize(before + 2);
        var answers = all.subList(before, before + 2);
        assertThat(answers).allSatisfy(e -> assertThat(e.get("type")).isEqualTo("TrustSurveyRecorded"));
        @SuppressWarnings("unchecked")
        var data = answers.stream().map(e -> (Map<String, Object>) e.get("data")).toList();
        assertThat(data).extracting(d -> d.get("surveyId")).as("one survey").containsOnly(data.get(0).get("surveyId"));
        assertThat(data).extracting(d -> d.get("respondentOrg")).containsOnly(ORG_A);
        assertThat(data).extracting(d -> d.get("ratedOrg")).containsExactly(ORG_B, ORG_C);
        assertThat(data).extracting(d -> d.get("reliability")).containsExactly(5, 3);
    }

    @Test
    @Order(9)
    void a_signed_agreement_is_recorded_from_the_page() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("AgreementSigned");
        choose("f-kind", "TERMS_OF_REFERENCE");
        check("f-signatories-0");
        check("f-signatories-1");
        check("f-signatories-2");
        set("f-effectiveOn", LocalDate.now().toString());
        set("f-reviewBy", LocalDate.now().plusYears(1).toString());
        for (var i : List.of(0, 1, 2)) {
            check("f-covers-" + i);
        }
        screenshotOf(By.id("record"), "record-agreement.png");
        submitAndWait();
        var stored = last(harbour);
        assertThat(stored.get("type")).isEqualTo("AgreementSigned");
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) stored.get("data");
        assertThat(data).containsEntry("kind", "TERMS_OF_REFERENCE")
                .containsEntry("signatories", List.of(ORG_A, ORG_B, ORG_C))
                .containsEntry("covers", List.of("ROLES", "DECISIONS", "RESOURCES"))
                .containsEntry("reviewBy", LocalDate.now().plusYears(1).toString());
        assertThat(browser.findElement(By.id("facts-governance")).findElement(By.xpath("..")).getText())
                .contains("Terms of reference");
    }

    @Test
    @Order(10)
    void a_server_error_is_shown_beside_its_field_and_nothing_is_recorded() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        recording("AgreementSigned");
        choose("f-kind", "MOU");
        check("f-signatories-0");
        set("f-effectiveOn", LocalDate.now().toString());
        check("f-covers-0");
        int before = events(harbour).size();
        browser.findElement(By.id("record-submit")).click();
        var error = waiting().until(d -> {
            var e = d.findElement(By.cssSelector(".field-error[data-field='reviewBy']"));
            return e.getText().isBlank() ? null : e;
        });
        var server = given().auth().oauth2(Tokens.partner(ORG_A)).contentType(ContentType.JSON)
                .body(Map.of("type", "AgreementSigned", "occurredAt", LocalDate.now().toString(), "agreementId", "x",
                        "kind", "MOU", "signatories", List.of(ORG_A), "effectiveOn", LocalDate.now().toString(),
                        "reviewBy", "", "covers", List.of("ROLES")))
                .when().post("/partnerships/" + harbour + "/events").then().statusCode(400).extract().jsonPath();
        assertThat(server.getString("errors[0].field")).isEqualTo("reviewBy");
        assertThat(error.getText()).isEqualToIgnoringCase(server.getString("errors[0].message"));
        assertThat(activeId()).as("focus on the field in error").isEqualTo("f-reviewBy");
        assertThat(browser.findElement(By.id("f-reviewBy")).getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        assertThat(events(harbour)).hasSize(before);
        screenshotOf(By.id("record"), "field-error.png");
    }

    @Test
    @Order(11)
    void try_it_first_previews_what_a_meeting_would_change_before_it_is_recorded() throws Exception {
        openPartnership(quiet, Tokens.partner(ORG_A));
        var before = health(quiet, "");
        List<String> open = before.getList("alerts.code");
        assertThat(open).as("no meeting for 200 days").contains("NO_MEETING");
        recording("MeetingHeld");
        assertThat(browser.findElements(By.cssSelector("#event-form fieldset.row"))).as("a row per partner to start")
                .hasSize(2);
        set("f-attendees-0-personRef", "ce-a");
        choose("f-attendees-0-seniority", "EXECUTIVE");
        set("f-attendees-1-personRef", "ce-b");
        choose("f-attendees-1-seniority", "EXECUTIVE");
        choose("f-format", "IN_PERSON");
        choose("f-kind", "BOARD");
        int stored = events(quiet).size();
        browser.findElement(By.id("try-first")).click();
        var preview = waiting().until(d -> {
            var p = d.findElement(By.id("preview"));
            return p.getText().isBlank() ? null : p;
        });
        var label = given().auth().oauth2(Tokens.partner(ORG_A)).when().get("/health-model/alerts").then()
                .extract().jsonPath().getString("find { it.code == 'NO_MEETING' }.label");
        assertThat(preview.getText()).contains("If you record this").contains("Alert closed: " + label)
                .contains("Nothing has been recorded yet.");
        assertThat(events(quiet)).as("a preview records nothing").hasSize(stored);
        screenshotOf(By.id("record"), "preview.png");
    }

    @Test
    @Order(12)
    void the_funder_sees_its_own_grant_first_and_no_forms() throws Exception {
        signedIn(Tokens.funder(FUNDER), "#/");
        waiting().until(d -> d.findElements(By.cssSelector("#portfolio tbody tr[data-id]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#portfolio tbody tr[data-id]")).getAttribute("data-id"))
                .as("only what it funds").isEqualTo(harbour.toString());
        openPartnership(harbour, Tokens.funder(FUNDER));
        var first = browser.findElement(By.cssSelector("#facts-funding + ul li.funding"));
        assertThat(first.getAttribute("class")).contains("mine");
        assertThat(first.getText()).startsWith("Northern Trust (your grant)").contains("£120,000")
                .contains(String.valueOf(LocalDate.now().plusDays(120).getYear())).contains("in 120 days");
        assertThat(browser.findElements(By.id("event-form"))).as("funders read").isEmpty();
        assertThat(browser.findElement(By.id("timeline")).getText()).as("never survey ratings")
                .doesNotContain("rated");
        screenshot("funder.png");
    }

    @Test
    @Order(13)
    void the_record_form_is_a_few_tab_stops_from_the_top_of_the_page() {
        openPartnership(harbour, Tokens.partner(ORG_A));
        js().executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        var actions = new Actions(browser);
        int stops = 0;
        while (stops < 15 && !"jump-record".equals(activeId())) {
            actions.sendKeys(Keys.TAB).perform();
            stops++;
        }
        assertThat(activeId()).isEqualTo("jump-record");
        actions.sendKeys(Keys.ENTER).perform();
        assertThat(activeId()).isEqualTo("record-heading");
        actions.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).as("the next stop chooses what happened").isEqualTo("record-type");
        assertThat(stops).as("Tab stops from the top to the link to the forms").isLessThanOrEqualTo(10);
    }

    @Test
    @Order(14)
    void a_partnership_is_formed_from_the_page() {
        signedIn(Tokens.partner(ORG_A), "#/");
        visible(By.id("form-partnership")).click();
        visible(By.id("formation-form"));
        set("f-name", "Estuary Food Network " + RUN);
        choose("f-partnershipType", "COORDINATED");
        assertThat(browser.findElement(By.id("f-foundingPartners-0-orgId")).getAttribute("value")).isEqualTo(ORG_A);
        set("f-foundingPartners-0-name", "Harbour Trust");
        choose("f-foundingPartners-0-sector", "VOLUNTARY");
        set("f-foundingPartners-1-orgId", "estuary-council-" + RUN);
        set("f-foundingPartners-1-name", "Estuary Council");
        choose("f-foundingPartners-1-sector", "PUBLIC");
        browser.findElement(By.id("record-submit")).click();
        var heading = visible(By.id("partnership-name"));
        assertThat(heading.getText()).isEqualTo("Estuary Food Network " + RUN);
        var id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        var formed = given().auth().oauth2(Tokens.partner(ORG_A)).when().get("/partnerships/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(formed.getList("partners.orgId")).containsExactly(ORG_A, "estuary-council-" + RUN);
        assertThat(formed.getString("partnershipType")).isEqualTo("COORDINATED");
    }

    @Test
    @Order(15)
    void an_expired_token_says_so_and_signing_in_again_returns_to_the_page() {
        signedIn(Tokens.expired(ORG_A), "#/p/" + harbour);
        var message = visible(By.id("sign-in-message"));
        assertThat(message.getText()).contains("expired");
        browser.findElement(By.id("token")).sendKeys(Tokens.partner(ORG_A));
        browser.findElement(By.id("sign-in")).click();
        assertThat(visible(By.id("partnership-name")).getText()).isEqualTo("Harbour Families Partnership");
    }

    @Test
    @Order(16)
    void a_reason_links_to_the_record_behind_it() {
        openPartnership(harbour, Tokens.partner(ORG_A));
        var link = visible(By.cssSelector(".reason a.event-link"));
        var eventId = link.getAttribute("data-event");
        link.click();
        assertThat(browser.findElement(By.id("ev-" + eventId)).getAttribute("class")).contains("highlight");
        assertThat(activeId()).isEqualTo("ev-" + eventId);
    }

    @Test
    @Order(17)
    void the_as_of_date_time_travels_the_scores() {
        openPartnership(harbour, Tokens.partner(ORG_A));
        var then = LocalDate.now().minusDays(120);
        set("as-of", then.toString());
        browser.findElement(By.id("apply-as-of")).click();
        var past = health(harbour, "?asOf=" + then);
        var expected = past.get("overall") == null || past.getString("status").equals("NOT_ENOUGH_DATA")
                ? "No overall score yet" : String.valueOf((Object) past.get("overall"));
        waiting().until(d -> d.getCurrentUrl().contains("asOf=" + then)
                && d.findElements(By.id("overall")).size() == 1
                && d.findElement(By.id("overall")).getText().equals(expected));
        assertThat(browser.findElements(By.id("event-form"))).as("records are made today, not in the past view").isEmpty();
    }

    @Test
    @Order(18)
    void the_portfolio_is_cards_at_phone_width_with_no_sideways_scroll() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        signedIn(Tokens.partner(ORG_A), "#/");
        waiting().until(d -> d.findElements(By.cssSelector("#portfolio tbody tr[data-id]")).size() >= 3);
        var row = browser.findElement(By.cssSelector("#portfolio tr[data-id='" + harbour + "']"));
        assertThat(row.getCssValue("display")).as("a card").isEqualTo("block");
        assertThat(row.findElement(By.cssSelector(".status")).isDisplayed()).isTrue();
        assertThat(row.findElement(By.cssSelector(".alert-line")).isDisplayed()).isTrue();
        assertThat(((Number) js().executeScript("return document.documentElement.scrollWidth - "
                + "document.documentElement.clientWidth")).intValue()).as("the page does not scroll sideways").isZero();
        @SuppressWarnings("unchecked")
        var scrolling = (List<String>) js().executeScript("return [...document.querySelectorAll('main *')]"
                + ".filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className)");
        assertThat(scrolling).as("nothing inside the page scrolls sideways either").isEmpty();
        screenshot("portfolio-phone.png");
    }

    @Test
    @Order(19)
    void the_partnership_page_prints_as_a_board_report_on_at_most_two_a4_pages() throws Exception {
        openPartnership(harbour, Tokens.partner(ORG_A));
        var cdp = (ChromeDriver) browser;
        // A4 less the page's margins (12 mm each side) is 186 mm: 703 CSS pixels.
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        browser.manage().window().setSize(new Dimension(703 + 16, 1000));
        try {
            waiting().until(d -> ((Boolean) js().executeScript("return matchMedia('print').matches")));
            @SuppressWarnings("unchecked")
            var wide = (List<String>) js().executeScript("const w = document.documentElement.clientWidth;"
                    + "return [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length"
                    + " && e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '#' + e.id + '.' + e.className)"
                    + ".slice(0, 5)");
            assertThat(wide).as("no element wider than the printed page").isEmpty();
            assertThat(browser.findElement(By.id("record")).isDisplayed()).as("no forms on paper").isFalse();
            assertThat(browser.findElement(By.cssSelector("header.bar")).isDisplayed()).as("no navigation").isFalse();
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        var printed = cdp.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69,
                "printBackground", true, "preferCSSPageSize", true));
        var pdf = java.util.Base64.getDecoder().decode((String) printed.get("data"));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("report.pdf"), pdf);
        try (var document = Loader.loadPDF(pdf)) {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                var image = new PDFRenderer(document).renderImageWithDPI(i, 96);
                javax.imageio.ImageIO.write(image, "png", SHOTS.resolve("report-page-" + (i + 1) + ".png").toFile());
            }
            assertThat(document.getNumberOfPages()).as("a board report on at most two A4 pages").isBetween(1, 2);
            var page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("A4 width in points").isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Harbour Families Partnership", "What would help most", "Alerts", "Funding")
                    .doesNotContain("Record what happened", "Back to the portfolio", "Sign out");
        }
    }

    @Test
    @Order(20)
    void the_dev_tokens_offer_one_click_sign_in() {
        browser.get(root.toString());
        js().executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        visible(By.cssSelector("#dev-tokens button[data-label='admin']")).click();
        visible(By.cssSelector("#portfolio"));
        assertThat(new ArrayList<>(browser.findElements(By.cssSelector("#portfolio tbody tr")))).isNotEmpty();
    }
}
