package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The fault rules: one row each with its Remove button, and the form that adds one. */
public final class FaultsPage {
    private final Browser browser;

    FaultsPage(Browser browser) {
        this.browser = browser;
    }

    FaultsPage loaded() {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#fault-list .fault-table, #fault-list .empty-note"))
                .isEmpty());
        return this;
    }

    public List<String> rules() {
        return browser.driver().findElements(By.cssSelector("#fault-list .rule-text")).stream()
                .map(WebElement::getText).toList();
    }

    /** Clicks the Remove button of the rule shown as {@code rule} and waits for its row to go. */
    public FaultsPage remove(String rule) {
        WebElement row = browser.driver().findElements(By.cssSelector("#fault-list tr.fault-rule")).stream()
                .filter(r -> r.findElement(By.className("rule-text")).getText().equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + rule + " in " + rules()));
        row.findElement(By.cssSelector("button.remove-fault")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(row));
        return this;
    }

    /** Types a fault-file line into the form and presses Enter; waits for it to be listed. */
    public FaultsPage add(String line) {
        type(line);
        browser.waiting().until(d -> rules().contains(line));
        return this;
    }

    /** Types a line that the server refuses and answers the reason the form shows. */
    public String addRefused(String line) {
        type(line);
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("fault-error"))).getText();
    }

    private void type(String line) {
        WebElement input = browser.driver().findElement(By.id("fault-line"));
        input.clear();
        input.sendKeys(line);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }
}
