package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages in a real headless Chromium driven through chromedriver (Debian's {@code chromium}
 * and {@code chromium-driver}, installed by .ci/run): the DOM once the page's scripts finished is
 * asserted, and a screenshot of each page is kept in {@code gateway/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTests {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;

    @TempDir
    static Path profile;

    private Gateway gateway;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();
    private final SigningKey fund = SigningKey.of("did:web:fund.pages.example#key-1", SigningKey.newEd25519());
    private String serial;
    private String withEvidence;
    private WebDriver driver;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        gateway = Gateway.start(data, true);
        final ManagedAgents agents = gateway.bean(ManagedAgents.class);
        agents.register(owner, "La Rochelle cargo coop", "owner");
        agents.register(fund, "Impact fund", "financer");
        serial =
                gateway.awaitCertificate(gateway.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery("PAGE-1")));
        final byte[] log = "time,lat,lon\n08:00,46.16,-1.15\n".getBytes(StandardCharsets.UTF_8);
        withEvidence = gateway.awaitCertificate(gateway.submitClaim(
                owner,
                "cargo-bike-delivery",
                Gateway.delivery("PAGE-2"),
                java.util.List.of(new io.impactproof.client.ImpactCredentials.Evidence(
                        "http://registry.test/artifacts/sha256/"
                                + io.impactproof.credentials.digest.Digests.sha256Hex(log),
                        "GPS log kept by the owner",
                        "text/csv",
                        log))));
        gateway.postJson(
                "/financers/certificates/" + serial + "/transfer",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        owner,
                                        "certificates.transfer",
                                        Json.object().put("serial", serial).put("to", fund.did()),
                                        Instant.now())));
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,2200",
                "--user-data-dir=" + profile.toAbsolutePath());
        // The driver is Debian's: Selenium must not try to download one (no network here).
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Opens a page, waits until its scripts set the body attribute, keeps a screenshot, and returns the DOM. */
    private String render(final String path, final String attribute, final String screenshot) throws Exception {
        driver.get(gateway.base + path);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.tagName("body")).getDomAttribute(attribute) != null);
        } finally {
            Files.write(SCREENSHOTS.resolve(screenshot), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(screenshot.replace(".png", ".html")), driver.getPageSource());
        }
        return driver.getPageSource();
    }

    @Test
    void a_certificate_opened_by_serial_shows_its_whole_chain_in_green() throws Exception {
        final String dom = render(
                "/verify.html?serial=" + URLEncoder.encode(serial, StandardCharsets.UTF_8),
                "data-verified",
                "verify-valid.png");

        assertThat(dom)
                .contains("data-verified=\"true\"")
                .contains("Certificate verified")
                .contains("11.58 kWh cumac");
        assertThat(dom)
                .contains("protocol cargo-bike-delivery@1.1.0")
                .contains("attestation did:web:registry.test:agents:verifier-1")
                .contains("claim urn:uuid:");
        assertThat(dom).contains("transferred").contains(fund.did());
        assertThat(dom)
                .as("the registry's own footprint, three criteria side by side (BoaviztAPI runs in scripts/test)")
                .containsPattern("producing this certificate: [0-9.e+-]+ gCO2e · [0-9.e+-]+ MJ · [0-9.e+-]+ kgSbeq")
                .contains("per year");
        assertThat(dom).doesNotContain("INVALID");
        assertThat(SCREENSHOTS.resolve("verify-valid.png")).isNotEmptyFile();
    }

    @Test
    void a_tampered_certificate_is_shown_as_invalid() throws Exception {
        final String jwt = gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                .body();
        final String[] parts = jwt.split("\\.");
        final String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("\"value\":\"11.58\"", "\"value\":\"99.99\"")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        final String dom = render("/verify.html#jwt=" + tampered, "data-verified", "verify-tampered.png");

        assertThat(dom)
                .contains("data-verified=\"false\"")
                .contains("Certificate NOT verified")
                .contains("SIGNATURE_INVALID")
                .contains("did NOT verify");
        assertThat(dom).as("nothing is green for a credential that failed").doesNotContain("badge ok");
        assertThat(SCREENSHOTS.resolve("verify-tampered.png")).isNotEmptyFile();
    }

    @Test
    void evidence_that_was_not_recomputed_is_shown_as_not_checked() throws Exception {
        final String dom = render(
                "/verify.html?serial=" + URLEncoder.encode(withEvidence, StandardCharsets.UTF_8),
                "data-verified",
                "verify-evidence-not-checked.png");

        assertThat(dom).contains("data-verified=\"true\"").contains("Certificate verified");
        final String evidence = dom.substring(dom.indexOf("evidence sha384-"));
        assertThat(dom.substring(dom.lastIndexOf("<div class=\"card", dom.indexOf("evidence sha384-"))))
                .startsWith("<div class=\"card unknown\"");
        assertThat(evidence).contains("not recomputed here");
    }

    @Test
    void the_portfolio_shows_totals_per_category_and_unit() throws Exception {
        final String dom = render(
                "/portfolio.html?holder=" + URLEncoder.encode(fund.did(), StandardCharsets.UTF_8),
                "data-loaded",
                "portfolio.png");

        assertThat(dom)
                .contains("data-loaded=\"true\"")
                .contains("final-energy-saved")
                .contains("kWh cumac")
                .contains("11.58")
                .contains(serial);
        driver.get(gateway.base + "/");
        assertThat(driver.getPageSource()).contains("Proof-of-impact registry");
    }

    @Test
    void the_public_registry_lists_certificates_with_serial_ranges_and_totals_per_unit() throws Exception {
        final String dom = render(
                "/registry.html?protocol=cargo-bike-delivery&holder="
                        + URLEncoder.encode(fund.did(), StandardCharsets.UTF_8),
                "data-loaded",
                "registry.png");

        assertThat(dom)
                .contains("data-loaded=\"true\"")
                .contains("1 certificates match")
                .contains(serial)
                .contains("units 1–1158")
                .contains("kWh cumac")
                .contains("final-energy-saved");
        assertThat(dom).as("the other certificate is not the fund's").doesNotContain(withEvidence);
        assertThat(driver.findElement(By.id("csv")).getDomAttribute("href")).startsWith("/registry.csv?");
    }

    @Test
    void a_campaign_page_shows_its_budget_bar_and_a_chart_per_month() throws Exception {
        final SigningKey supplier = SigningKey.of("did:web:supplier.pages.example#key-1", SigningKey.newEd25519());
        gateway.bean(ManagedAgents.class).register(supplier, "Energy supplier", "financer");
        final String funded =
                gateway.awaitCertificate(gateway.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery("PAGE-3")));
        final var open = Json.object()
                .put("id", "page-cee")
                .put("title", "CEE cargo bikes")
                .put("budget", "20.00");
        open.putObject("eligibility").putArray("protocols").addObject().put("id", "cargo-bike-delivery");
        open.putObject("terms").put("amount", "bonus_eur").put("capPerClaim", "10.00");
        assertThat(gateway.postJson(
                                "/financers/campaigns",
                                Json.object()
                                        .put(
                                                "instruction",
                                                Instructions.sign(supplier, "campaigns.open", open, Instant.now())))
                        .status())
                .isEqualTo(201);
        assertThat(gateway.postJson(
                                "/owners/campaigns/page-cee/apply",
                                Json.object()
                                        .put(
                                                "instruction",
                                                Instructions.sign(
                                                        owner,
                                                        "campaigns.apply",
                                                        Json.object()
                                                                .put("campaign", "page-cee")
                                                                .put("serial", funded),
                                                        Instant.now())))
                        .status())
                .isEqualTo(200);
        assertThat(gateway.postJson(
                                "/financers/campaigns/page-cee/pay",
                                Json.object()
                                        .put(
                                                "instruction",
                                                Instructions.sign(
                                                        supplier,
                                                        "campaigns.pay",
                                                        Json.object()
                                                                .put("campaign", "page-cee")
                                                                .put("serial", funded)
                                                                .put("amount", "6.00")
                                                                .put("reference", "SEPA-PAGE")
                                                                .put("paidOn", "2026-04-02"),
                                                        Instant.now())))
                        .status())
                .isEqualTo(200);

        final String dom = render("/campaign.html?id=page-cee", "data-loaded", "campaign.png");

        assertThat(dom)
                .contains("data-loaded=\"true\"")
                .contains("Budget <b>20.00 EUR</b>: allocated 6.00, paid 6.00")
                .contains("remaining <b>14.00</b>")
                .contains(funded)
                .contains("SETTLED")
                .contains("kWh cumac");
        final Object bars = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "const c = Chart.getChart('months'); return c ? c.data.datasets.map(d => d.data) : null;");
        assertThat(String.valueOf(bars))
                .as("the chart is drawn by the vendored Chart.js: allocated by activity month, paid by payment month")
                .contains("6");
        final String list = render("/campaign.html", "data-loaded", "campaigns.png");
        assertThat(list).contains("CEE cargo bikes").contains("page-cee");
    }

    @Test
    void a_human_verifier_reviews_a_claim_and_attests_with_a_key_that_stays_in_the_browser() throws Exception {
        final ManagedAgents agents = gateway.bean(ManagedAgents.class);
        final java.util.List<SigningKey> humans = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            final SigningKey human =
                    SigningKey.of("did:web:human-" + i + ".pages.example#key-1", SigningKey.newEd25519());
            agents.register(human, "human verifier " + i, "verifier");
            humans.add(human);
        }
        final var args = Json.object()
                .put(
                        "definition",
                        ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml")
                                .replace("version: 1.1.0", "version: 1.3.0"));
        final var bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), humans.get(i).did());
        }
        bindings.put("validator", agents.validator().did());
        final var registry = gateway.bean(io.impactproof.client.RegistryClient.class);
        registry.publish(Instructions.sign(agents.operator(), "protocols.publish", args, Instant.now()));
        final String claim = gateway.submitClaim(owner, "cargo-bike-delivery@1.3.0", Gateway.delivery("PAGE-HUMAN"));
        final SigningKey me = humans.get(0);

        driver.get(gateway.base + "/verifier.html");
        final var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript(
                "document.getElementById('kid').value = arguments[0]; document.getElementById('jwk').value = arguments[1];",
                me.keyId(),
                me.toPrivateJwkJson());
        driver.findElement(By.id("load")).click();
        waitFor("data-loaded");
        // The list follows the ledger's event stream: a claim submitted now appears without a reload.
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
        final String later = gateway.submitClaim(owner, "cargo-bike-delivery@1.3.0", Gateway.delivery("PAGE-LATER"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("awaiting")).getText().contains(later));
        driver.findElement(By.cssSelector("button.review[data-id='" + claim + "']"))
                .click();
        waitFor("data-reviewed");
        assertThat(driver.findElement(By.id("computed")).getText()).isEqualTo("11.58 kWh cumac");
        assertThat(driver.findElement(By.id("claimed")).getText()).isEqualTo("11.58 kWh cumac");
        assertThat(driver.getPageSource()).contains("PAGE-HUMAN").contains("every rule holds");
        driver.findElement(By.id("attest")).click();
        waitFor("data-attested");
        Files.write(
                SCREENSHOTS.resolve("verifier-attested.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-attested"))
                .as(driver.getPageSource())
                .isEqualTo("true");
        assertThat(registry.attestations(claim)).singleElement().satisfies(a -> {
            assertThat(a.verifier()).isEqualTo(me.did());
            assertThat(a.value()).isEqualTo("11.58");
            assertThat(a.outcome()).isEqualTo("Verified");
        });
        assertThat(Files.readString(data.resolve("keystore.json")))
                .as("the human verifier's key is nowhere in the node")
                .doesNotContain(me.publicKey().toOctetKeyPair().getX().toString());
    }

    private void waitFor(final String attribute) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.tagName("body")).getDomAttribute(attribute) != null);
    }
}
