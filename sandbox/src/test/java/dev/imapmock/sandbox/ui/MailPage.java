package dev.imapmock.sandbox.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The mail view: the sidebar of users and mailboxes, the message list and the open message. */
public final class MailPage {
    private final Browser browser;

    MailPage(Browser browser) {
        this.browser = browser;
    }

    MailPage loaded() {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("view-mail")));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#list-pane .msglist, #list-pane .empty-note"))
                .isEmpty() && d.findElements(By.cssSelector("#list-pane .empty-note.muted")).isEmpty());
        return this;
    }

    /** The list's title: the open mailbox's name. */
    public String mailboxTitle() {
        return browser.driver().findElement(By.id("list-title")).getText();
    }

    /** The sidebar's entry for a mailbox: its name and counts as shown, e.g. "INBOX 2 3". */
    public String sidebarEntry(String user, String mailbox) {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#sidebar a.box[data-user='" + user + "'][data-mailbox='" + mailbox + "']"))).getText();
    }

    /** The subjects listed, top to bottom, read in one go (the list may redraw between two reads). */
    @SuppressWarnings("unchecked")
    public List<String> subjects() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#message-list .msg-subject')].map(e => e.textContent)");
    }

    /** Waits until a message with this subject is listed (without reloading the page) and answers its row. */
    public WebElement row(String subject) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#message-list .msg")).stream()
                .filter(r -> r.findElement(By.className("msg-subject")).getText().equals(subject))
                .findFirst().orElse(null));
    }

    /** Clicks the message's row and waits for it to open. */
    public MessageView message(String subject) {
        row(subject).click();
        return new MessageView(browser).loaded(subject);
    }

    /** The pager's "FIRST–LAST of TOTAL". */
    public String pagerRange() {
        return browser.driver().findElement(By.id("pager-range")).getText();
    }

    /** How long the list took to draw its latest page, from the UI's User Timing entries. */
    public double lastDrawMillis() {
        return ((Number) browser.script("const m = performance.getEntriesByName('imapmock:message-list');"
                + " return m.length ? m[m.length - 1].duration : -1")).doubleValue();
    }

    public void olderPage() {
        browser.driver().findElement(By.cssSelector(".pager button[aria-label='Older messages']")).click();
    }

    /** Drops a file on the mail view the way a file manager does: dragenter, dragover, drop. */
    public void drop(String fileName, String rfc822) {
        browser.script("""
                const [name, text] = arguments;
                const transfer = new DataTransfer();
                transfer.items.add(new File([text], name, { type: 'message/rfc822' }));
                const target = document.getElementById('list-pane');
                for (const type of ['dragenter', 'dragover', 'drop']) {
                  target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
                }
                """, fileName, rfc822);
    }

    /** The message list's rows in order, focused with the keyboard: the first, then ArrowDown times n. */
    public WebElement focusRow(int index) {
        WebElement first = browser.driver().findElement(By.cssSelector("#message-list .msg"));
        browser.script("arguments[0].focus()", first);
        for (int i = 0; i < index; i++) {
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        return browser.driver().switchTo().activeElement();
    }
}
