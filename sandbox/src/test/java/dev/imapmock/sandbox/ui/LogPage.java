package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The live command log. */
public final class LogPage {
    private final Browser browser;

    LogPage(Browser browser) {
        this.browser = browser;
    }

    LogPage loaded() {
        browser.waiting().until(ExpectedConditions.textToBe(By.id("stream-state"), "Live"));
        return this;
    }

    /** Waits until an entry for this command is shown (as it happens, the page is not reloaded); the latest. */
    public WebElement entry(String command) {
        return entry(command, "");
    }

    /** Waits for the latest entry for this command whose text contains {@code text}. */
    public WebElement entry(String command, String text) {
        return browser.waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#log-rows tr.entry[data-command='" + command + "']"))
                    .stream().filter(r -> r.getText().contains(text)).toList();
            return rows.isEmpty() ? null : rows.get(rows.size() - 1);
        });
    }

    /** Waits for the latest entry for this command on one connection. */
    public WebElement entryOn(String connection, String command) {
        return browser.waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#log-rows tr.entry[data-command='" + command
                    + "'][data-connection='" + connection + "']"));
            return rows.isEmpty() ? null : rows.get(rows.size() - 1);
        });
    }

    public boolean highlightedAsFault(WebElement entry) {
        return entry.getAttribute("class").contains("fault");
    }

    /** Shows only one connection's entries, by its chip. */
    public LogPage connection(long number) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".conn-chips [data-connection='" + number + "']"))).click();
        browser.waiting().until(ExpectedConditions.attributeToBe(
                By.cssSelector(".conn-chips [data-connection='" + number + "']"), "aria-pressed", "true"));
        return this;
    }

    public List<String> connectionsShown() {
        return browser.driver().findElements(By.cssSelector("#log-rows tr.entry")).stream()
                .map(r -> r.getAttribute("data-connection")).distinct().toList();
    }
}
