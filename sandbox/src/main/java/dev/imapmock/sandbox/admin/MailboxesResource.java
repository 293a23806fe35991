package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;
import dev.imapmock.store.SpecialUse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/users/{user}/mailboxes}: list with counts, create, rename, delete. Changes go through
 * the store as a client's CREATE, RENAME and DELETE would, so sessions see them the same way.
 */
final class MailboxesResource {
    private final ImapMockServer server;

    MailboxesResource(ImapMockServer server) {
        this.server = server;
    }

    void list(Call call) throws IOException {
        Account account = account(server, call.path("user"));
        Set<String> subscribed = Set.copyOf(account.subscriptions());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Mailbox m : account.mailboxes()) {
            if (!m.isNoselect()) {
                list.add(mailbox(account, m, subscribed));
            }
        }
        call.json(200, list);
    }

    void create(Call call) throws IOException {
        Account account = account(server, call.path("user"));
        JsonNode body = call.jsonObject();
        JsonFields fields = new JsonFields(body, "name");
        String name = fields.requiredString("name");
        fields.done();
        Mailbox created = change(() -> account.create(name), "name");
        call.header("Location", "/api/users/" + Paths.segment(account.user()) + "/mailboxes/" + Paths.segment(created.name()));
        call.json(201, mailbox(account, created, Set.copyOf(account.subscriptions())));
    }

    void rename(Call call) throws IOException {
        Account account = account(server, call.path("user"));
        Mailbox from = mailbox(account, call.path("mailbox"));
        JsonNode body = call.jsonObject();
        JsonFields fields = new JsonFields(body, "name");
        String to = fields.requiredString("name");
        fields.done();
        change(() -> {
            account.rename(from.name(), to);
            return null;
        }, "name");
        char delimiter = account.delimiter();
        Mailbox renamed = account.mailbox(to.length() > 1 && to.charAt(to.length() - 1) == delimiter
                ? to.substring(0, to.length() - 1) : to);
        call.json(200, mailbox(account, renamed, Set.copyOf(account.subscriptions())));
    }

    void delete(Call call) throws IOException {
        Account account = account(server, call.path("user"));
        Mailbox m = mailbox(account, call.path("mailbox"));
        change(() -> {
            account.delete(m.name());
            return null;
        }, "mailbox");
        call.noContent();
    }

    /** Runs a store change, turning its refusal into 409 (exists, can't) or 400 (bad name). */
    private static <T> T change(java.util.function.Supplier<T> change, String field) {
        try {
            return change.get();
        } catch (MailboxException e) {
            throw switch (e.reason()) {
                case ALREADY_EXISTS, CANNOT, NOT_SELECTABLE, OVERQUOTA -> ApiException.conflict(e.getMessage());
                case NONEXISTENT -> ApiException.notFound(e.getMessage());
                case INVALID_NAME -> ApiException.badField(field, e.getMessage());
            };
        }
    }

    static Account account(ImapMockServer server, String user) {
        return server.store().account(user).orElseThrow(() -> ApiException.notFound("No such user: " + user));
    }

    /** The selectable mailbox, or a 404 naming it. */
    static Mailbox mailbox(Account account, String name) {
        Mailbox m = account.mailbox(name);
        if (m == null || m.isNoselect()) {
            throw ApiException.notFound("No such mailbox for " + account.user() + ": " + name);
        }
        return m;
    }

    private static Map<String, Object> mailbox(Account account, Mailbox m, Set<String> subscribed) {
        Mailbox.Status s = m.status();
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("name", m.name());
        box.put("delimiter", String.valueOf(account.delimiter()));
        box.put("messages", s.messages());
        box.put("unseen", s.unseen());
        box.put("recent", s.recent());
        box.put("size", s.size());
        box.put("uidNext", s.uidNext());
        box.put("uidValidity", s.uidValidity());
        List<String> uses = new ArrayList<>();
        for (SpecialUse use : account.specialUses(m.name())) {
            uses.add(use.attribute());
        }
        uses.sort(null);
        box.put("specialUse", uses);
        box.put("subscribed", subscribed.contains(m.name()));
        return box;
    }
}
