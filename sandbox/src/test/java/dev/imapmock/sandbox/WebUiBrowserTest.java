package dev.imapmock.sandbox;

import dev.imapmock.sandbox.ui.Browser;
import dev.imapmock.sandbox.ui.ChecksPage;
import dev.imapmock.sandbox.ui.FaultsPage;
import dev.imapmock.sandbox.ui.LogPage;
import dev.imapmock.sandbox.ui.MailPage;
import dev.imapmock.sandbox.ui.MessageView;
import dev.imapmock.sandbox.ui.RequiresChromium;
import dev.imapmock.sandbox.ui.SandboxUi;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real headless Chromium against a running sandbox: what a user sees and does. One browser
 * and one sandbox for the class; each test starts wide and without fault rules, and ends with the page free
 * of CSP refusals and uncaught errors. Screenshots of every view go to target/screenshots/.
 */
@RequiresChromium
@Timeout(60)
class WebUiBrowserTest {
    static final String INVOICE = "Invoice 2024-117 for December";

    @TempDir
    static Path dir;
    static Browser browser;
    static BrowserSandbox sandbox;
    static SandboxUi ui;

    @BeforeAll
    static void start() {
        browser = Browser.startOrSkip();
        sandbox = BrowserSandbox.start(BrowserSandbox.fixtures(dir.resolve("mail"), seed()));
        ui = new SandboxUi(browser, sandbox.url);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void wideAndNoFaults() {
        browser.size(1280, 900);
        sandbox.call("DELETE", "api/faults", null, null);
    }

    @AfterEach
    void noScriptOrPolicyErrors() {
        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void aStyleAttributeTheUiMightSetWouldBeRefusedAndReported() {
        ui.mailbox("alice", "INBOX");
        browser.script("document.getElementById('list-pane').setAttribute('style', 'color: red')");
        assertThat(browser.pageProblems()).singleElement().asString().startsWith("CSP style-src");
    }

    @Test
    void showsTheSeededMessageWithItsHeadersTextAttachmentAndSource() {
        MailPage mail = ui.open();
        assertThat(mail.mailboxTitle()).isEqualTo("INBOX");
        assertThat(mail.sidebarEntry("alice", "INBOX")).contains("INBOX");
        assertThat(mail.subjects()).contains(INVOICE, "Welcome to the sandbox");
        browser.screenshot("mail");

        MessageView message = mail.message(INVOICE);
        assertThat(message.envelope()).contains("Billing <billing@example.com>", "Alice <alice@example.com>");
        assertThat(message.tabs()).containsExactly("HTML", "Text", "Headers", "Source");
        assertThat(message.attachments()).containsExactly("invoice-2024-117.pdf");
        WebElement frame = message.htmlFrame();
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        assertThat(frame.getAttribute("src")).endsWith("/api/users/alice/mailboxes/INBOX/messages/1/html");
        browser.driver().switchTo().frame(frame);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Your invoice");
        browser.driver().switchTo().defaultContent();
        browser.screenshot("message-html");

        assertThat(message.text()).contains("Your invoice for December is attached.");
        browser.screenshot("message-text");
        message.tab("Headers");
        assertThat(browser.driver().findElement(By.cssSelector(".headers-table")).getText())
                .contains("Message-ID", "<invoice-117@example.com>");
        browser.screenshot("message-headers");
        assertThat(message.source()).contains("Subject: " + INVOICE, "Content-Type: application/pdf");
        browser.screenshot("message-source");
    }

    @Test
    void theAttachmentAndTheWholeMessageDownload() throws Exception {
        Files.deleteIfExists(browser.downloads().resolve("invoice-2024-117.pdf"));
        Files.deleteIfExists(browser.downloads().resolve("message-1.eml"));
        MessageView message = ui.mailbox("alice", "INBOX").message(INVOICE);
        message.download("invoice-2024-117.pdf");
        assertThat(new String(browser.downloaded("invoice-2024-117.pdf"), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        message.downloadEml();
        assertThat(new String(browser.downloaded("message-1.eml"), StandardCharsets.UTF_8)).contains("Subject: " + INVOICE);
    }

    @Test
    void aMessageDeliveredThroughTheApiAppearsWithoutAReload() {
        MailPage mail = ui.mailbox("alice", "INBOX");
        browser.script("window.notReloaded = true");
        assertThat(sandbox.deliver("alice", "INBOX", message("Delivered while you watch", "Hello from the API."))
                .statusCode()).isEqualTo(201);
        mail.row("Delivered while you watch");
        assertThat(mail.subjects().get(0)).isEqualTo("Delivered while you watch");
        assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
    }

    @Test
    void anEmlDroppedOnTheListIsDelivered() {
        MailPage mail = ui.mailbox("bob", "INBOX");
        mail.drop("dropped.eml", message("Dropped from the desktop", "Dragged and dropped."));
        mail.row("Dropped from the desktop");
        assertThat(sandbox.get("api/users/bob/mailboxes/INBOX/messages").body()).contains("Dropped from the desktop");
    }

    @Test
    void aBigMailboxIsListedNewestFirstAPageAtATime() {
        for (int i = 1; i <= 103; i++) {
            assertThat(sandbox.deliver("bob", "Archive", message("Bulk " + i, "Message " + i)).statusCode()).isEqualTo(201);
        }
        MailPage mail = ui.mailbox("bob", "Archive");
        assertThat(mail.pagerRange()).isEqualTo("1–100 of 103");
        assertThat(mail.subjects()).hasSize(100).startsWith("Bulk 103", "Bulk 102").endsWith("Bulk 4");
        System.out.printf("A page of 100 messages was drawn in %.1f ms%n", mail.lastDrawMillis());
        mail.olderPage();
        browser.waiting().until(d -> mail.pagerRange().equals("101–103 of 103"));
        assertThat(mail.subjects()).containsExactly("Bulk 3", "Bulk 2", "Bulk 1");
        mail.focusRow(0).sendKeys(Keys.PAGE_UP);
        browser.waiting().until(d -> mail.pagerRange().equals("1–100 of 103"));
    }

    @Test
    void theListIsKeyboardUsable() {
        MailPage mail = ui.mailbox("alice", "Archive");
        assertThat(mail.subjects()).containsExactly("Older news", "Oldest news");
        WebElement second = mail.focusRow(1);
        assertThat(second.getText()).contains("Oldest news");
        second.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("message-subject")).getText().equals("Oldest news"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.id("message-subject")).isEmpty());
    }

    @Test
    void aFlagToggleChangesTheMessageOnTheServer() {
        MessageView message = ui.mailbox("alice", "INBOX").message("Welcome to the sandbox");
        assertThat(message.toggleFlag("Flagged")).isTrue();
        assertThat(sandbox.get("api/users/alice/mailboxes/INBOX/messages/2").body()).contains("\\\\Flagged");
        browser.waiting().until(d -> d.findElement(By.cssSelector("#message-list .msg.flagged")).isDisplayed());
        assertThat(message.toggleFlag("Flagged")).isFalse();
        assertThat(sandbox.get("api/users/alice/mailboxes/INBOX/messages/2").body()).doesNotContain("\\\\Flagged");
    }

    @Test
    void anImapClientsLoginIsMaskedAndItsSelectAndFaultsShowInTheLiveLog() throws Exception {
        LogPage log = ui.log();
        Properties props = new Properties();
        props.setProperty("mail.imap.host", sandbox.server.host());
        props.setProperty("mail.imap.port", Integer.toString(sandbox.server.port()));
        props.setProperty("mail.imap.auth.plain.disable", "true");
        props.setProperty("mail.imap.auth.login.disable", "true");
        props.setProperty("mail.imap.auth.ntlm.disable", "true");
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("alice", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            WebElement login = log.entry("LOGIN", "alice ***");
            assertThat(login.getText()).doesNotContain("secret");
            String connection = login.getAttribute("data-connection");
            assertThat(log.entryOn(connection, "SELECT").getText()).contains("SELECT INBOX", "OK");
            inbox.close(false);
        } finally {
            store.close();
        }

        assertThat(sandbox.call("POST", "api/faults", "text/plain", "on NOOP respond NO [UNAVAILABLE] Busy")
                .statusCode()).isEqualTo(201);
        assertThat(imap("n1 LOGIN alice secret", "n2 NOOP")).startsWith("n2 NO [UNAVAILABLE] Busy");
        WebElement noop = log.entry("NOOP");
        assertThat(log.highlightedAsFault(noop)).isTrue();
        assertThat(noop.getText()).contains("NO", "Busy");
        browser.screenshot("log");
        long connection = Long.parseLong(noop.getAttribute("data-connection"));
        log.connection(connection);
        assertThat(log.connectionsShown()).containsExactly(Long.toString(connection));
        browser.screenshot("log-one-connection");
    }

    @Test
    void aFaultIsRemovedWithItsButtonAndAddedWithTheForm() {
        sandbox.call("POST", "api/faults", "text/plain", "on SELECT nth 2 respond NO [UNAVAILABLE] Try later");
        sandbox.call("POST", "api/faults", "text/plain", "on FETCH delay 200ms");
        FaultsPage faults = ui.faults();
        browser.waiting().until(d -> faults.rules().size() == 2);
        assertThat(faults.rules()).containsExactly("on SELECT nth 2 respond NO [UNAVAILABLE] Try later",
                "on FETCH delay 200ms");
        browser.screenshot("faults");

        faults.remove("on SELECT nth 2 respond NO [UNAVAILABLE] Try later");
        assertThat(faults.rules()).containsExactly("on FETCH delay 200ms");
        assertThat(sandbox.get("api/faults").body()).doesNotContain("SELECT").contains("on FETCH delay 200ms");

        faults.add("on LOGIN respond NO [UNAVAILABLE] Down for maintenance");
        assertThat(sandbox.get("api/faults").body()).contains("on LOGIN respond NO [UNAVAILABLE] Down for maintenance");

        assertThat(faults.addRefused("on LOGIN explode")).isNotBlank();
        browser.screenshot("faults-refused-line");
    }

    @Test
    void theClientChecksViewListsWhatARawClientDidWrongGroupedByKind() throws Exception {
        // A sandbox of its own: the shared one has findings from the other tests' clients.
        try (BrowserSandbox own = BrowserSandbox.start(dir.resolve("mail"))) {
            SandboxUi ownUi = new SandboxUi(browser, own.url);
            ChecksPage checks = ownUi.checks();
            assertThat(checks.empty()).isTrue();
            assertThat(browser.driver().findElement(By.id("checks-list")).getText()).contains("No findings");
            browser.screenshot("checks-empty");

            imap(own, "c1 SELECT INBOX", "c2 LOGIN alice secret", "c3 SELECT INBOX", "c4 SELECT INBOX", "c5 LOGOUT");
            checks.refreshUntil("command-in-wrong-state");
            assertThat(checks.rules("violation")).containsExactly("command-in-wrong-state");
            assertThat(checks.rules("wasteful")).containsExactly("reselect");
            assertThat(checks.rules("note")).isEmpty();
            assertThat(checks.finding("command-in-wrong-state").getText())
                    .contains("RFC 3501 §3", "#1", "c1 SELECT INBOX", "SELECT is not valid in the not authenticated state");
            assertThat(checks.finding("reselect").getText()).contains("RFC 3501 §6.1.2", "SELECT INBOX", "selected again");
            browser.screenshot("checks");

            imap(own, "d1 LOGIN alice secret", "d2 FETCH 1 (FLAGS)", "d3 LOGOUT");
            ownUi.faults();
            ownUi.checks();
            browser.waiting().until(d -> checks.rules("violation").size() == 2);
            assertThat(checks.rules("violation")).containsExactly("command-in-wrong-state", "command-in-wrong-state");
            assertThat(browser.driver().findElement(By.id("checks-list")).getText()).contains("d2 FETCH 1 (FLAGS)");
        }
    }

    @Test
    void everyViewFitsA420PixelWideScreen() throws Exception {
        imap("w1 LOGIN bob secret", "w2 SELECT INBOX", "w3 UID FETCH 1:* (FLAGS ENVELOPE)", "w4 LOGOUT");
        browser.size(420, 860);
        MailPage mail = ui.mailbox("alice", "INBOX");
        assertNoSidewaysScroll();
        browser.screenshot("mail-narrow");
        browser.driver().findElement(By.id("sidebar-toggle")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("#sidebar a.box")).isDisplayed());
        browser.screenshot("mailboxes-narrow");
        browser.driver().findElement(By.cssSelector("#sidebar a.box[data-user='alice'][data-mailbox='INBOX']")).click();
        mail.message(INVOICE);
        assertNoSidewaysScroll();
        browser.screenshot("message-narrow");
        browser.driver().findElement(By.id("back-to-list")).click();
        mail.row(INVOICE);
        ui.log();
        assertNoSidewaysScroll();
        browser.screenshot("log-narrow");
        ui.faults();
        assertNoSidewaysScroll();
        browser.screenshot("faults-narrow");
        ui.checks();
        assertNoSidewaysScroll();
        browser.screenshot("checks-narrow");
    }

    @Test
    void theDarkThemeIsOneClickAway() {
        ui.mailbox("alice", "INBOX").message(INVOICE);
        browser.driver().findElement(By.id("theme-toggle")).click();
        browser.waiting().until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        browser.screenshot("message-dark");
        ui.log();
        browser.screenshot("log-dark");
        browser.driver().findElement(By.id("theme-toggle")).click();
        browser.waiting().until(d -> "light".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
    }

    /** Sends IMAP commands over a socket; answers the tagged reply to the last. */
    private static String imap(String... commands) throws Exception {
        return imap(sandbox, commands);
    }

    /** Sends each command over one raw connection to {@code target}; the last command's tagged answer. */
    private static String imap(BrowserSandbox target, String... commands) throws Exception {
        try (Socket socket = new Socket(target.server.host(), target.server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            String line = null;
            for (String command : commands) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                String tag = command.substring(0, command.indexOf(' ') + 1);
                do {
                    line = in.readLine();
                } while (line != null && !line.startsWith(tag));
            }
            return line;
        }
    }

    @Test
    void withAnAdminTokenTheUiTakesItFromTheAddressOnceAndAsksWhenItIsMissing() {
        try (BrowserSandbox guarded = BrowserSandbox.start(dir.resolve("mail"), "--admin-token", "s3cret-token")) {
            SandboxUi tokenUi = new SandboxUi(browser, guarded.url);
            WebDriver driver = browser.driver();
            driver.get(guarded.url + "#token=s3cret-token");
            tokenUi.mail().row(INVOICE);
            assertThat(driver.getCurrentUrl()).doesNotContain("token");
            tokenUi.log();

            String first = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.TAB);
            try {
                driver.get(guarded.url);
                WebElement token = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("auth-token")));
                browser.screenshot("token-needed");
                token.sendKeys("s3cret-token", Keys.ENTER);
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("auth")));
                tokenUi.mail().row(INVOICE);
            } finally {
                driver.close();
                driver.switchTo().window(first);
            }
        }
    }

    private static void assertNoSidewaysScroll() {
        Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    static String message(String subject, String body) {
        return """
                From: Carol Sender <carol@example.com>
                To: alice@example.com
                Subject: %s
                Date: Fri, 04 Dec 2026 10:00:00 +0000
                Message-ID: <%s@example.com>
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(subject, Integer.toHexString(subject.hashCode()), body);
    }

    private static Map<String, String> seed() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("alice/INBOX/01-invoice.eml", """
                From: Billing <billing@example.com>
                To: Alice <alice@example.com>
                Subject: %s
                Date: Tue, 01 Dec 2026 09:30:00 +0000
                Message-ID: <invoice-117@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8

                Hello Alice,

                Your invoice for December is attached. Pay online at https://example.com/pay
                or write to billing@example.com.

                --inner
                Content-Type: text/html; charset=utf-8

                <html><body style="font-family: sans-serif"><h1>Your invoice</h1>
                <p>Hello Alice, your invoice for <b>December</b> is attached.</p></body></html>
                --inner--

                --outer
                Content-Type: application/pdf; name="invoice-2024-117.pdf"
                Content-Disposition: attachment; filename="invoice-2024-117.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK
                --outer--
                """.formatted(INVOICE));
        files.put("alice/INBOX/02-welcome.eml", """
                From: ImapMock <hello@imapmock.dev>
                To: alice@example.com
                Subject: Welcome to the sandbox
                Date: Wed, 02 Dec 2026 08:00:00 +0000
                Message-ID: <welcome@imapmock.dev>
                Content-Type: text/plain; charset=utf-8

                Every mailbox, message, command and fault of this server can be seen and changed here.
                """);
        files.put("alice/INBOX/03-build.eml", """
                From: CI <ci@example.com>
                To: alice@example.com
                Subject: Build failed: main #482
                Date: Thu, 03 Dec 2026 17:42:00 +0000
                Message-ID: <build-482@example.com>
                Content-Type: text/plain; charset=utf-8

                The build of main failed at step "test".
                """);
        files.put("alice/INBOX/04-lunch.eml", """
                From: Bob Example <bob@example.com>
                To: alice@example.com
                Subject: Re: Lunch on Friday?
                Date: Fri, 04 Dec 2026 11:15:00 +0000
                Message-ID: <lunch@example.com>
                Content-Type: text/plain; charset=utf-8

                Friday works. The usual place at noon?
                """);
        files.put("alice/Archive/01-older.eml", message("Older news", "Archived."));
        files.put("alice/Archive/00-oldest.eml", message("Oldest news", "Archived long ago."));
        files.put("bob/INBOX/01-hello.eml", message("Hello Bob", "A message for Bob."));
        return files;
    }
}
