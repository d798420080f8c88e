package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.tolk.article.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The desk in a real browser (Debian's chromium and chromium-driver, headless): a reviewer's whole path from
 * login to a published, corrected article. Skipped where chromium or chromedriver are not installed.
 * Screenshots go to docs/desk-*.png.
 */
class DeskBrowserTest {

    static final String WRONG = "The festival starts this year and lasts three days.";
    static final String CORRECTED = "The festival starts on 13 May this year and lasts three days.";

    @TempDir
    Path home;
    @TempDir
    Path profile;
    DeskFixture fixture;
    WebDriver browser;
    Article article;

    @BeforeEach
    void setUp() throws Exception {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");
        assumeTrue(chromium != null && driver != null, "chromium and chromium-driver are not installed");
        fixture = new DeskFixture(home, "https://news.example");
        fixture.dictionary.put("Festivalen flyttes", "The festival moves");
        fixture.dictionary.put("Arrangørene har bestemt en ny dato for sommerens festival.", "The organisers have set a new date for the summer festival.");
        fixture.dictionary.put(ReviewDefectsTest.DATE_SOURCE, WRONG);
        fixture.dictionary.put("Billettene koster 450 kroner, som i fjor.", "Tickets cost the same as last year.");
        article = fixture.extracted("festival.docx", "Festivalen flyttes", "Arrangørene har bestemt en ny dato for sommerens festival.",
                List.of(paragraph(ReviewDefectsTest.DATE_SOURCE), paragraph("Billettene koster 450 kroner, som i fjor.")));
        fixture.translateAndReview();
        fixture.accounts.add("ada", Role.ADMIN, "correct horse battery");
        fixture.accounts.add("rita", Role.REVIEWER, "staple battery horse");
        fixture.startDesk();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) browser.quit();
        if (fixture != null) fixture.close();
    }

    @Test
    void aReviewerCorrectsTheEnglishSeesTheFindingGoApprovesWithConfirmationAndTheSiteHasTheCorrection() throws Exception {
        logIn("ada", "correct horse battery");
        assertThat(browser.findElement(By.cssSelector("table.attention")).getText()).contains(article.id(), "Festivalen flyttes", "in review", "3 error(s)");
        screenshot("desk-attention.png");

        browser.findElement(By.linkText(article.id())).click();
        long opened = System.nanoTime();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The festival moves");
        WebElement row = browser.findElement(By.id("b0"));
        assertThat(row.getAttribute("class")).isEqualTo("level-error");
        assertThat(row.findElements(By.cssSelector("li.error"))).extracting(WebElement::getText).containsExactly(
                "error · number: the number 13 is missing from the translation",
                "error · date: the date '13. mai' has no 'may' in the translation");
        screenshot("desk-article.png");

        WebElement text = row.findElement(By.tagName("textarea"));
        text.clear();
        text.sendKeys(CORRECTED);
        row.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.findElement(By.cssSelector("p.flash")).getText()).startsWith("Block 1 saved and checked: no error left on it.");
        row = browser.findElement(By.id("b0"));
        assertThat(row.getAttribute("class")).isEmpty();
        assertThat(row.findElements(By.cssSelector("li.error"))).isEmpty();
        assertThat(row.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo(CORRECTED);
        assertThat(browser.findElement(By.id("b1")).getAttribute("class")).isEqualTo("level-error");
        assertThat(browser.findElement(By.cssSelector("table.history")).getText()).contains("ada", "corrected", CORRECTED);

        browser.findElement(By.id("despite-errors")).click();
        browser.findElement(By.id("approve")).click();
        long approvedMillis = (System.nanoTime() - opened) / 1_000_000;
        System.out.println("BENCH desk: opening the article to its approval in the browser took " + approvedMillis + " ms");
        assertThat(browser.findElement(By.cssSelector("p.flash")).getText())
                .startsWith("Approved article " + article.id() + " revision 1 (Festivalen flyttes) despite 1 quality-check error(s)");
        assertThat(fixture.state(article.id())).isEqualTo("approved");

        browser.findElement(By.id("publish-now")).click();
        assertThat(browser.findElement(By.cssSelector("p.flash")).getText()).isEqualTo("1 article(s) published (requested by ada).");
        assertThat(fixture.state(article.id())).isEqualTo("published");
        try (Stream<Path> pages = Files.list(home.resolve("site/preview/en"))) {
            Path page = pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
            assertThat(Files.readString(page)).contains(CORRECTED).doesNotContain(WRONG);
        }
        assertThat(String.join("\n", fixture.articles.history(article.id()))).contains("IN_REVIEW -> APPROVED: approved by ada");
        List<String> memory = new java.util.ArrayList<>();
        try (var connection = fixture.dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("select engine, target_text from translation_memory where engine like 'human:%'")) {
            while (rows.next()) memory.add(rows.getString(1) + " " + rows.getString(2));
        }
        assertThat(memory).containsExactly("human:ada " + CORRECTED);
    }

    @Test
    void aReviewerCannotReachAdminActions() throws Exception {
        logIn("rita", "staple battery horse");
        assertThat(browser.findElements(By.id("publish-now"))).isEmpty();
        browser.findElement(By.linkText(article.id())).click();
        assertThat(browser.findElements(By.id("retry"))).isEmpty();
        browser.get(fixture.deskUrl() + "/quarantine/anything.docx");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Forbidden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("This needs the admin role; you are reviewer.");
    }

    private void logIn(String user, String password) {
        browser.get(fixture.deskUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login button")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Needs attention");
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) Files.copy(new ByteArrayInputStream(png), docs.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
