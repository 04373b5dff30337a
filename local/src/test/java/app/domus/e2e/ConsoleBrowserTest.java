package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local console in a real browser (Debian's headless Chromium, installed by {@code scripts/install-browser}): every
 * page loads, a registration's e-mail appears on the open Outbox page by itself (the live feed), and a poison
 * message put into a dead-letter queue leaves it when redriven from the Queues page. Each page's screenshot goes to
 * {@code target/console-screenshots/} (the README's are copies of these).
 *
 * <p>Without Chromium it is skipped, saying so, on a developer's machine; under CI ({@code CI=true}) it fails, since
 * {@code .ci/run} installs the browser.
 */
@ExtendWith(LocalCloudExtension.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startTheBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "No " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM) + "; scripts/install-browser installs Chromium and chromedriver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(reason + " (and .ci/run calls it, so under CI this is a broken setup)");
            Assumptions.abort(reason + "; the console browser test is skipped");
        }
        profile = Files.createTempDirectory("domus-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Headless in a container with a closed network: no sandbox (root), no GPU, nothing that phones home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyPageLoadsAndTheOutboxShowsARegistrationsMailAsItArrives(LocalCloudClient cloud) throws Exception {
        open(cloud, "outbox");
        awaitLive();
        String email = "console.tenant+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiResponse registered = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", "a long and private passphrase", "invitationCode", IdentityFlowsTest.freshInvitation(cloud))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        // No reload: the live feed tells the page, which reads the outbox again.
        // The confirmation mail's link is a link on the page (the text part's, and the HTML part's in its sandboxed
        // frame). Checked inside the wait: the page redraws as the live feed reports, which may replace an element.
        await().until(driver -> driver.findElements(By.cssSelector("article.email")).stream()
                .anyMatch(article -> article.getText().contains(email)
                        && !article.findElements(By.cssSelector(".text a[href^='http']")).isEmpty()));
        WebElement filter = browser.findElement(By.id("outbox-to"));
        filter.sendKeys(email, "\n");
        // Filtered: only this address's mails (its confirmation, then its welcome) are left.
        await().until(driver -> driver.findElement(By.id("page")).getText().contains("All recipients")
                && driver.findElements(By.cssSelector("article.email")).stream().allMatch(article -> article.getText().contains(email)));
        assertThat(browser.findElements(By.cssSelector("article.email"))).isNotEmpty();
        screenshot("outbox");

        open(cloud, "events");
        WebElement registration = await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-event-type='UserRegistered']")));
        registration.click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "Envelope"));
        screenshot("events");

        open(cloud, "functions");
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#functions tr[data-function]")));
        screenshot("functions");

        open(cloud, "schedules");
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#schedules tr[data-function]")));
        screenshot("schedules");

        open(cloud, "demo");
        WebElement swagger = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-account='manager'] a")));
        assertThat(swagger.getAttribute("href")).endsWith("/_local/api-docs/?as=manager");
        screenshot("demo");

        // Swagger UI opened from the Demo page is signed in as the account: its Authorize button shows the lock closed.
        browser.get(swagger.getAttribute("href"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-wrapper .authorize.locked")));
    }

    @Test
    void aPoisonMessageLeavesTheDeadLetterQueueWhenRedrivenFromThePage(LocalCloudClient cloud) throws Exception {
        // A live update for a topic nobody follows, dead-lettered as after a broadcaster outage: once redriven, the
        // broadcaster takes it and it is gone from both queues (a message it failed on would come back only after
        // 3 receives 90 s apart, and hold the queue for other tests meanwhile).
        String topic = "console-test/" + UUID.randomUUID();
        String poison = "{\"topic\":\"" + topic + "\",\"sentAt\":" + System.currentTimeMillis() + ",\"message\":{\"note\":\"redriven\"}}";
        String messageId;
        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName(cloud.cloud().deployment().names()
                    .queueName(cloud.cloud().deployment().template().resource("LiveUpdatesDLQ")))).queueUrl();
            messageId = sqs.sendMessage(request -> request.queueUrl(url).messageBody(poison)).messageId();
        }

        open(cloud, "queues");
        By row = By.cssSelector("section[data-dead-letter-queue='LiveUpdatesDLQ'] tr[data-message-id='" + messageId + "']");
        WebElement message = await().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(message.getText()).contains(topic);
        screenshot("queues");
        message.findElement(By.cssSelector("button.redrive")).click();

        await().until(ExpectedConditions.invisibilityOfElementLocated(row));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), "Redrove 1 message of LiveUpdatesDLQ"));
        assertThat(cloud.queue("LiveUpdatesDLQ").path("deadLetterMessages").toString()).doesNotContain(messageId);
        // The work completes: the broadcaster handled the redriven message, so its queue drains.
        await().until(driver -> {
            var queue = cloud.queue("LiveUpdatesQueue");
            return queue.path("visible").asInt() + queue.path("inFlight").asInt() == 0;
        });
    }

    private static void open(LocalCloudClient cloud, String page) {
        browser.get(cloud.httpUrl() + "/_local/#" + page);
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("page-" + page)));
    }

    private static void awaitLive() {
        await().until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    }

    private static WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        // Live pages redraw when the feed reports: an element found a moment ago may be replaced; look again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.withMessage(() -> "the page showed: " + browser.findElement(By.tagName("main")).getText()
                .substring(0, Math.min(2000, browser.findElement(By.tagName("main")).getText().length())));
        return wait;
    }

    private static void screenshot(String page) throws IOException {
        Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
