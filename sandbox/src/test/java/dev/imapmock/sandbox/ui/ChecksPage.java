package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The client checks' report: findings grouped by kind, the empty state, the Refresh button. */
public final class ChecksPage {
    private final Browser browser;

    ChecksPage(Browser browser) {
        this.browser = browser;
    }

    ChecksPage loaded() {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#checks-list .check-group, #checks-list .empty-note"))
                .isEmpty());
        return this;
    }

    /** The rule ids shown under one kind ({@code violation}, {@code wasteful}, {@code note}), in order. */
    public List<String> rules(String kind) {
        return browser.driver().findElements(By.cssSelector("#checks-list .check-" + kind + " .finding-rule")).stream()
                .map(WebElement::getText).toList();
    }

    /** The row of the first finding of {@code rule}. */
    public WebElement finding(String rule) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#checks-list tr.finding")).stream()
                .filter(r -> rule.equals(r.getAttribute("data-rule"))).findFirst().orElse(null));
    }

    public boolean empty() {
        return !browser.driver().findElements(By.id("checks-empty")).isEmpty();
    }

    /** Presses Refresh and waits until {@code rule} is listed. */
    public ChecksPage refreshUntil(String rule) {
        browser.driver().findElement(By.id("checks-refresh")).click();
        finding(rule);
        return this;
    }
}
