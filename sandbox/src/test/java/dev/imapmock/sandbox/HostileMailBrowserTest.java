package dev.imapmock.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.imapmock.sandbox.ui.Browser;
import dev.imapmock.sandbox.ui.MailPage;
import dev.imapmock.sandbox.ui.MessageView;
import dev.imapmock.sandbox.ui.RequiresChromium;
import dev.imapmock.sandbox.ui.SandboxUi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture written to attack whoever looks at it: scripts (inline, remote, in event handlers and
 * {@code javascript:} links) that would change the title, open a dialog or call out, remote images, styles,
 * frames and objects, a meta refresh, a form, links that open windows or move the page, and the same
 * tricks in the subject, a header and an attachment's name. Shown in the UI, it must run nothing and fetch
 * nothing: the browser's title stays, no dialog opens, and a listener that every one of its URLs points at
 * hears only the control request the test sends after everything else.
 */
@RequiresChromium
@Timeout(60)
class HostileMailBrowserTest {
    static final String SUBJECT = "<img src=x onerror=alert('subject')> Hostile";

    @TempDir
    static Path dir;
    static HttpServer listener;
    static final List<String> heard = new CopyOnWriteArrayList<>();
    static Browser browser;
    static BrowserSandbox sandbox;
    static SandboxUi ui;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.startOrSkip();
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            heard.add(exchange.getRequestURI().getPath());
            // An icon of its own, so that the control page makes Chromium ask for no /favicon.ico.
            byte[] body = "<!doctype html><title>control</title><link rel=icon href=\"data:,\">heard".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        String beacon = "http://127.0.0.1:" + listener.getAddress().getPort() + "/beacon";
        sandbox = BrowserSandbox.start(BrowserSandbox.fixtures(dir.resolve("mail"), Map.of(
                "alice/INBOX/01-hostile.eml", hostile(beacon),
                "bob/INBOX/01-plain.eml", WebUiBrowserTest.message("Plain", "Nothing to see."))));
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
        if (listener != null) {
            listener.stop(0);
        }
    }

    @Test
    void hostileMailRunsNoScriptAndFetchesNothing() {
        MailPage mail = ui.mailbox("alice", "INBOX");
        String title = browser.driver().getTitle();
        MessageView message = mail.message(SUBJECT);
        WebElement frame = message.htmlFrame();
        assertThat(frame.getAttribute("sandbox")).isEmpty();

        WebDriver driver = browser.driver();
        driver.switchTo().frame(frame);
        browser.waiting().until(d -> d.findElement(By.id("hostile")).getText().equals("Hostile HTML"));
        assertThat(frameTitle()).isEqualTo("Hostile mail");
        clickJavascriptLink(driver);
        for (String id : List.of("submit", "top-link", "popup-link")) {
            driver.findElement(By.id(id)).click();
        }
        assertThat(frameTitle()).isEqualTo("Hostile mail");
        driver.switchTo().defaultContent();
        browser.screenshot("hostile-message");

        assertThat(driver.getTitle()).isEqualTo(title);
        assertThat(browser.dialogOpen()).isFalse();
        assertThat(driver.getWindowHandles()).hasSize(1);
        assertThat(message.subject()).isEqualTo(SUBJECT);
        assertThat(driver.findElements(By.cssSelector("img[src='x'], #message-pane script"))).isEmpty();
        assertThat(message.attachments()).containsExactly("\"><img src=x onerror=alert(1)>.txt");
        assertThat(message.text()).contains("javascript:alert('text')");
        message.tab("Headers");
        assertThat(driver.findElement(By.cssSelector(".headers-table")).getText())
                .contains("<script>alert('header')</script>");
        assertThat(driver.findElements(By.cssSelector("a[href^='javascript' i], a[href^='data' i]"))).isEmpty();

        assertOnlyTheControlRequestIsHeard();
        message.htmlFrame();
        driver.switchTo().frame(driver.findElement(By.id("html-frame")));
        assertThat(driver.findElement(By.id("hostile")).getText()).isEqualTo("Hostile HTML");
        driver.switchTo().defaultContent();
        assertThat(browser.dialogOpen()).isFalse();
        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void theHtmlPartOpenedOnItsOwnIsSandboxedToo() {
        WebDriver driver = browser.driver();
        String ui = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(sandbox.url + "api/users/alice/mailboxes/INBOX/messages/1/html");
            browser.waiting().until(d -> d.findElement(By.id("hostile")).isDisplayed());
            clickJavascriptLink(driver);
            driver.findElement(By.id("submit")).click();
            assertThat(driver.getTitle()).isEqualTo("Hostile mail");
            assertThat(browser.dialogOpen()).isFalse();
        } finally {
            driver.close();
            driver.switchTo().window(ui);
        }
        assertOnlyTheControlRequestIsHeard();
    }

    /** The title of the frame switched to (WebDriver's getTitle() always answers the top page's). */
    private static String frameTitle() {
        return browser.driver().findElement(By.tagName("title")).getAttribute("textContent");
    }

    /**
     * Opens the listener's control page in a tab of its own: whatever the hostile mail fetched was
     * fetched before, so the control request is the only one the listener may have heard.
     */
    private static void assertOnlyTheControlRequestIsHeard() {
        heard.clear();
        WebDriver driver = browser.driver();
        String ui = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get("http://127.0.0.1:" + listener.getAddress().getPort() + "/control");
            browser.waiting().until(d -> heard.contains("/control"));
        } finally {
            driver.close();
            driver.switchTo().window(ui);
        }
        assertThat(heard).containsExactly("/control");
    }

    private static String hostile(String beacon) {
        return """
                From: "<script>alert('from')</script>" <evil@example.com>
                To: alice@example.com
                Subject: %2$s
                Date: Fri, 04 Dec 2026 12:00:00 +0000
                Message-ID: <hostile@example.com>
                X-Evil: <script>alert('header')</script>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/alternative; boundary="b2"

                --b2
                Content-Type: text/plain; charset=utf-8

                Not a link: javascript:alert('text')
                Nor this: data:text/html,<script>alert('data')</script>

                --b2
                Content-Type: text/html; charset=utf-8

                <html><head><title>Hostile mail</title>
                <meta http-equiv="refresh" content="0;url=%1$s/refresh">
                <link rel="stylesheet" href="%1$s/stylesheet">
                <style>@import url("%1$s/import"); body { background: url("%1$s/background"); }</style>
                <script>document.title = 'pwned'; fetch('%1$s/fetch'); alert('script');</script>
                <script src="%1$s/script.js"></script>
                <base href="%1$s/base/">
                </head><body onload="document.title='pwned-onload'; alert('onload')">
                <h1 id="hostile">Hostile HTML</h1>
                <img src="%1$s/image" alt="remote image">
                <img src="x" onerror="document.title='pwned-onerror'; alert('onerror')">
                <p><a id="js-link" href="javascript:document.title='pwned-link';alert('link')">Click me</a></p>
                <p><a id="top-link" href="%1$s/top" target="_top">Move the whole page</a></p>
                <p><a id="popup-link" href="%1$s/popup" target="_blank">Open a window</a></p>
                <form action="%1$s/form" method="post"><input name="q" value="1">
                <button id="submit" type="submit">Send</button></form>
                <iframe src="%1$s/frame"></iframe>
                <object data="%1$s/object"></object>
                <video poster="%1$s/poster"></video>
                <svg><image href="%1$s/svg-image"/></svg>
                </body></html>
                --b2--

                --b1
                Content-Type: text/plain; name="x.txt"
                Content-Disposition: attachment; filename="\\"><img src=x onerror=alert(1)>.txt"

                attachment
                --b1--
                """.formatted(beacon, SUBJECT);
    }

    /**
     * A {@code javascript:} link is styled inert (no pointer events, the look of text), so a click on
     * it lands on what is under it, as a user's would; either way nothing may run.
     */
    private static void clickJavascriptLink(WebDriver driver) {
        WebElement link = driver.findElement(By.id("js-link"));
        assertThat(link.getCssValue("pointer-events")).isEqualTo("none");
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(link).click().perform();
    }
}
