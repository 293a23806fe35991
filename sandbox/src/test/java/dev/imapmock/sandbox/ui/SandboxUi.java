package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sandbox's web UI as a user sees it: the views behind the top bar's links. */
public final class SandboxUi {
    private final Browser browser;
    private final String base;

    public SandboxUi(Browser browser, String baseUrl) {
        this.browser = browser;
        this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public Browser browser() {
        return browser;
    }

    public String base() {
        return base;
    }

    /** Opens the UI's address as printed, which shows the first user's INBOX. */
    public MailPage open() {
        driver().get(base);
        return new MailPage(browser).loaded();
    }

    /** Opens the UI straight at one mailbox. */
    public MailPage mailbox(String user, String mailbox) {
        driver().get(base + "#/mail/" + segment(user) + "/" + segment(mailbox));
        return new MailPage(browser).loaded();
    }

    public LogPage log() {
        nav("log");
        return new LogPage(browser).loaded();
    }

    public FaultsPage faults() {
        nav("faults");
        return new FaultsPage(browser).loaded();
    }

    public ChecksPage checks() {
        nav("checks");
        return new ChecksPage(browser).loaded();
    }

    public MailPage mail() {
        nav("mail");
        return new MailPage(browser).loaded();
    }

    private void nav(String view) {
        if (!driver().getCurrentUrl().startsWith(base)) {
            driver().get(base);
        }
        driver().findElement(By.cssSelector(".tabs-nav a[data-view='" + view + "']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("view-" + view)));
    }

    private WebDriver driver() {
        return browser.driver();
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
