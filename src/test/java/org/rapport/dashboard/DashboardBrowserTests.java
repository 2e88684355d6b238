package org.rapport.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromedriver) against the running
 * service with seeded data. Screenshots of both pages go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String ORG_A = "dash-a";
    static final String ORG_B = "dash-b";

    static WebDriver browser;
    static UUID partnership;
    static String name;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        var available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(available).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
        }
        Assumptions.assumeTrue(available, "Debian's chromium and chromium-driver are not installed");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @org.junit.jupiter.api.BeforeEach
    void seedOnce() {
        if (partnership == null) {
            seed();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * A partnership formed 300 days ago, quiet until three months ago, then meeting every two weeks
     * and surveyed: its health today differs from its health in the spring. Past day 180 with a
     * goal but no agreement or measures, it has records to make, so next steps to show.
     */
    static void seed() {
        name = "AAA Dashboard " + UUID.randomUUID().toString().substring(0, 6);
        var formed = new java.util.HashMap<>(Partnerships.formed(name, ORG_A, ORG_B));
        formed.put("occurredAt", LocalDate.now().minusDays(300).toString());
        var location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(formed)
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        partnership = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        for (int days = 90; days >= 6; days -= 14) {
            record(Partnerships.meeting(LocalDate.now().minusDays(days).toString(), ORG_A, ORG_B));
        }
        record(Map.of("type", "SharedGoalAgreed", "occurredAt", LocalDate.now().minusDays(80).toString(), "goalId",
                "goal", "statement", "Fewer families wait for help.", "primary", true, "endorsedBy", List.of(ORG_A, ORG_B)));
        record(Map.of("type", "TrustSurveyRecorded", "occurredAt", LocalDate.now().minusDays(20).toString(),
                "surveyId", "s1", "respondentOrg", ORG_A, "ratedOrg", ORG_B, "trust", 4, "reliability", 4,
                "openness", 4, "sharedInterest", 5));
        // A newer one with nothing recorded yet, so the portfolio shows more than one status.
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Partnerships.formed("AAB Dashboard Riverside Youth " + name.substring(14), ORG_A, "dash-c"))
                .when().post("/partnerships").then().statusCode(201);
    }

    static void record(Map<String, Object> event) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(event)
                .when().post("/partnerships/" + partnership + "/events").then().statusCode(201);
    }

    static io.restassured.path.json.JsonPath health(String query) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + partnership + "/health" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The page from its top, as long as it is (at most 2,400 pixels), through the DevTools protocol. */
    static void screenshot(String file) throws java.io.IOException {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        var height = Math.min(2_400, ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight")).intValue());
        // The whole window's width: captured beyond the viewport, the page has no scrollbar beside it.
        var width = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).intValue();
        var shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        Files.write(dir.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Loads the page afresh at {@code hash}, as a bookmark would. */
    void open(String hash) {
        browser.get(root.toString() + hash);
        browser.navigate().refresh();
    }

    @Test
    @Order(1)
    void signing_in_with_a_pasted_token_shows_the_portfolio_with_each_status() throws Exception {
        browser.get(root.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        var token = visible(By.id("token"));
        token.sendKeys(Tokens.admin());
        browser.findElement(By.id("sign-in")).click();

        var row = visible(By.cssSelector("#portfolio tr[data-id='" + partnership + "']"));
        var status = health("").getString("status");
        var badge = row.findElement(By.cssSelector(".status"));
        assertThat(badge.getAttribute("data-status")).isEqualTo(status);
        assertThat(badge.getText()).as("status in words, not colour alone").containsIgnoringCase(
                status.equals("NOT_ENOUGH_DATA") ? "not enough data" : status.toLowerCase());
        assertThat(row.findElement(By.cssSelector("a")).getText()).isEqualTo(name);
        assertThat(row.findElements(By.cssSelector(".bar-row"))).hasSize(6);
        screenshot("portfolio.png");
    }

    @Test
    @Order(2)
    void the_partnership_page_draws_the_trend_chart_from_the_history() throws Exception {
        open("#/p/" + partnership);
        var chart = waiting().until(d -> {
            var element = d.findElement(By.id("chart"));
            return element.getAttribute("data-points") == null ? null : element;
        });
        int points = Integer.parseInt(chart.getAttribute("data-points"));
        assertThat(points).as("monthly points since formation").isGreaterThanOrEqualTo(9);
        var drawn = ((JavascriptExecutor) browser).executeScript(
                "return window.rapportChart.getOption().series.map(s => s.data.length)");
        assertThat((List<?>) drawn).as("overall and six dimensions, a value per month").hasSize(7)
                .allSatisfy(n -> assertThat(((Number) n).intValue()).isEqualTo(points));
        assertThat(browser.findElements(By.cssSelector("#history-table tbody tr"))).hasSize(points);
        assertThat(browser.findElement(By.id("overall")).getText())
                .isEqualTo(String.valueOf((Object) health("").get("overall")));
        screenshot("partnership.png");
    }

    @Test
    @Order(3)
    void the_partnership_page_explains_the_status_each_basis_and_what_would_help_most() {
        open("#/p/" + partnership);
        var health = health("");
        var why = visible(By.id("status-reasons")).findElements(By.tagName("li"));
        List<String> statusReasons = health.getList("statusReasons");
        assertThat(statusReasons).as("the seeded partnership has a status and its reasons").isNotEmpty();
        assertThat(why).extracting(WebElement::getText).hasSize(statusReasons.size())
                .allSatisfy(text -> assertThat(statusReasons).anySatisfy(r -> assertThat(text).isEqualToIgnoringCase(r)));

        var trust = browser.findElement(By.cssSelector(".dimension[data-dimension='trust']"));
        var basis = trust.findElement(By.cssSelector(".basis"));
        assertThat(basis.getAttribute("data-basis")).isEqualTo(health.getString("dimensions.trust.basis"));
        assertThat(basis.getText()).isIn("Rests on what was recorded", "Rests mostly on records not yet made");

        var terms = browser.findElements(By.cssSelector(".reason.kind-TERM .points"));
        assertThat(terms).as("a weighted term shows the points earned of those possible").isNotEmpty()
                .allSatisfy(p -> assertThat(p.getText()).matches("\\d+(\\.\\d)? of \\d+(\\.\\d)?"));
        for (var expected : browser.findElements(By.cssSelector(".reason.kind-EXPECTED"))) {
            assertThat(expected.getText()).as("an expected item is marked as a record not yet made")
                    .contains("missing record").containsPattern(" of ");
        }

        List<Map<String, Object>> nextSteps = health.getList("nextSteps");
        assertThat(nextSteps).as("300 days old without an agreement or measures: something to record").isNotEmpty();
        var steps = browser.findElements(By.cssSelector("#next-steps li"));
        assertThat(steps).hasSize(nextSteps.size());
        var first = nextSteps.get(0);
        assertThat(steps.get(0).findElement(By.cssSelector(".step-text")).getText()).isEqualTo(first.get("text"));
        int gain = ((Number) first.get("overallGain")).intValue();
        if (gain > 0) {
            assertThat(steps.get(0).findElement(By.cssSelector(".gains")).getText()).contains("+" + gain + " overall");
        }
        assertThat(steps.get(0).findElements(By.cssSelector(".addresses [data-code], .addresses [data-rule]")))
                .extracting(e -> e.getAttribute("data-code") != null ? e.getAttribute("data-code") : e.getAttribute("data-rule"))
                .isEqualTo(first.get("addresses"));
        assertThat(steps.get(0).findElements(By.tagName("button"))).as("no recording from here yet").isEmpty();

        for (var alert : browser.findElements(By.cssSelector("#alerts li[data-code]"))) {
            assertThat(alert.findElement(By.cssSelector(".since")).getText()).startsWith("since 20");
        }
    }

    @Test
    @Order(4)
    void a_reason_links_to_the_event_behind_it() {
        open("#/p/" + partnership);
        var link = visible(By.cssSelector(".reason a.event-link"));
        var eventId = link.getAttribute("data-event");
        link.click();
        var item = browser.findElement(By.id("ev-" + eventId));
        assertThat(item.getAttribute("class")).contains("highlight");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("ev-" + eventId);
    }

    @Test
    @Order(5)
    void recording_a_meeting_updates_the_page() {
        open("#/p/" + partnership);
        visible(By.id("meeting-form"));
        int before = browser.findElements(By.cssSelector("#timeline li")).size();
        browser.findElement(By.id("a-0-person")).sendKeys("ce-" + ORG_A);
        browser.findElement(By.id("a-1-person")).sendKeys("ce-" + ORG_B);
        browser.findElement(By.id("m-submit")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#timeline li")).size() == before + 1);
        var newest = browser.findElement(By.cssSelector("#timeline li"));
        assertThat(newest.getAttribute("data-type")).isEqualTo("MeetingHeld");
        assertThat(newest.getText()).contains(LocalDate.now().toString());
        assertThat(given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + partnership + "/events?limit=1000")
                .then().extract().jsonPath().getList("events")).hasSize(before + 1);
    }

    @Test
    @Order(6)
    void an_invalid_meeting_shows_the_servers_field_error_beside_the_field() {
        open("#/p/" + partnership);
        visible(By.id("meeting-form"));
        int before = browser.findElements(By.cssSelector("#timeline li")).size();
        browser.findElement(By.id("a-1-person")).sendKeys("ce-" + ORG_B);
        browser.findElement(By.id("m-submit")).click();
        var error = waiting().until(d -> {
            var e = d.findElement(By.cssSelector(".field-error[data-field='attendees[0].personRef']"));
            return e.getText().isBlank() ? null : e;
        });
        var server = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("type", "MeetingHeld", "occurredAt", LocalDate.now().toString(), "format", "IN_PERSON",
                        "kind", "STEERING", "attendees", List.of(
                                Map.of("personRef", "", "orgId", ORG_A, "seniority", "EXECUTIVE"),
                                Map.of("personRef", "ce-b", "orgId", ORG_B, "seniority", "EXECUTIVE"))))
                .when().post("/partnerships/" + partnership + "/events").then().statusCode(400).extract().jsonPath();
        assertThat(server.getString("errors[0].field")).isEqualTo("attendees[0].personRef");
        assertThat(error.getText()).isEqualTo(server.getString("errors[0].message"));
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(before);
    }

    @Test
    @Order(7)
    void the_as_of_date_time_travels_the_scores() {
        open("#/p/" + partnership);
        var asOf = visible(By.id("as-of"));
        var then = LocalDate.now().minusDays(120);
        var today = browser.findElement(By.id("overall")).getText();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", asOf, then.toString());
        browser.findElement(By.id("apply-as-of")).click();
        var expected = String.valueOf((Object) health("?asOf=" + then).get("overall"));
        waiting().until(d -> d.getCurrentUrl().contains("asOf=" + then)
                && d.findElements(By.id("overall")).size() == 1
                && d.findElement(By.id("overall")).getText().equals(expected.equals("null") ? "not yet assessed" : expected));
        assertThat(expected).as("the seeded history scores differently 120 days ago").isNotEqualTo(today);
        var engagement = browser.findElement(By.cssSelector(".dimension[data-dimension='engagement'] .score")).getText();
        var expectedEngagement = String.valueOf((Object) health("?asOf=" + then).get("dimensions.engagement.score"));
        assertThat(engagement).isEqualTo(expectedEngagement.equals("null") ? "not yet assessed" : expectedEngagement);
    }

    @Test
    @Order(8)
    void dev_tokens_offer_one_click_sign_in() {
        browser.get(root.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        var button = visible(By.cssSelector("#dev-tokens button[data-label='admin']"));
        button.click();
        visible(By.cssSelector("#portfolio tr[data-id='" + partnership + "']"));
    }

    @Test
    @Order(9)
    void the_portfolio_is_usable_at_phone_width() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("#/");
            var row = visible(By.cssSelector("#portfolio tr[data-id='" + partnership + "']"));
            assertThat(row.findElement(By.cssSelector(".status")).isDisplayed()).isTrue();
            var width = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth")).intValue();
            assertThat(width).as("no sideways scrolling of the page").isLessThanOrEqualTo(390);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    @Test
    @Order(10)
    void the_partnership_page_is_usable_at_phone_width() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("#/p/" + partnership);
            visible(By.id("next-steps"));
            var width = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth")).intValue();
            var visibleWidth = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.clientWidth")).intValue();
            assertThat(width).as("no sideways scrolling of the page").isLessThanOrEqualTo(visibleWidth);
            screenshot("partnership-phone.png");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }
}
