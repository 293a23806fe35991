package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The open message: envelope, flag toggles, attachments and the HTML/Text/Headers/Source tabs. */
public final class MessageView {
    private final Browser browser;

    MessageView(Browser browser) {
        this.browser = browser;
    }

    MessageView loaded(String subject) {
        browser.waiting().until(ExpectedConditions.textToBe(By.id("message-subject"), subject));
        return this;
    }

    public String subject() {
        return browser.driver().findElement(By.id("message-subject")).getText();
    }

    public String envelope() {
        return browser.driver().findElement(By.cssSelector("#message-pane .envelope")).getText();
    }

    public List<String> attachments() {
        return browser.driver().findElements(By.cssSelector("#message-pane .attachment .att-name")).stream()
                .map(WebElement::getText).toList();
    }

    /** Clicks the attachment's button (a download). */
    public void download(String attachment) {
        browser.driver().findElements(By.cssSelector("#message-pane .attachment")).stream()
                .filter(b -> b.findElement(By.className("att-name")).getText().equals(attachment))
                .findFirst().orElseThrow().click();
    }

    /** Clicks the button that downloads the whole message as an .eml file. */
    public void downloadEml() {
        browser.driver().findElement(By.id("download-eml")).click();
    }

    public List<String> tabs() {
        return browser.driver().findElements(By.cssSelector("#message-pane [role=tab]")).stream()
                .map(WebElement::getText).toList();
    }

    public MessageView tab(String name) {
        browser.driver().findElements(By.cssSelector("#message-pane [role=tab]")).stream()
                .filter(t -> t.getText().equals(name)).findFirst().orElseThrow().click();
        browser.waiting().until(ExpectedConditions.attributeToBe(
                By.id("tab-" + name.toLowerCase()), "aria-selected", "true"));
        return this;
    }

    public String text() {
        tab("Text");
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("text-part"))).getText();
    }

    public String source() {
        tab("Source");
        By raw = By.id("raw-source");
        browser.waiting().until(d -> !d.findElement(raw).getText().equals("Loading…"));
        return browser.driver().findElement(raw).getText();
    }

    public WebElement htmlFrame() {
        tab("HTML");
        return browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("html-frame")));
    }

    public WebElement flagToggle(String label) {
        return browser.driver().findElements(By.cssSelector("#message-pane .flag-toggles .toggle")).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }

    /** Clicks a flag's toggle and waits for the server's answer to show. */
    public boolean toggleFlag(String label) {
        WebElement toggle = flagToggle(label);
        String before = toggle.getAttribute("aria-pressed");
        toggle.click();
        browser.waiting().until(d -> !before.equals(flagToggle(label).getAttribute("aria-pressed")));
        return "true".equals(flagToggle(label).getAttribute("aria-pressed"));
    }
}
