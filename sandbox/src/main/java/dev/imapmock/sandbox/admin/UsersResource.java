package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/users}: list, add, change the password or token of, and remove users. Passwords and
 * tokens go in, never out: a user shows {@code hasToken}, not the token.
 */
final class UsersResource {
    private final ImapMockServer server;

    UsersResource(ImapMockServer server) {
        this.server = server;
    }

    void list(Call call) throws IOException {
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> names = server.store().users();
        names.sort(null);
        for (String name : names) {
            server.store().account(name).ifPresent(a -> users.add(user(a)));
        }
        call.json(200, users);
    }

    void add(Call call) throws IOException {
        JsonNode body = call.jsonObject();
        JsonFields fields = new JsonFields(body, "name", "password", "token");
        String name = fields.requiredString("name");
        String password = fields.requiredString("password");
        String token = fields.optionalString("token");
        if (name != null && (name.contains("/") || name.chars().anyMatch(c -> c < 0x21 || c == 0x7f))) {
            fields.error("name", "must not hold spaces, control characters or /");
        }
        fields.done();
        if (server.store().account(name).isPresent()) {
            throw ApiException.conflict("User already exists: " + name);
        }
        if (token != null && server.tokens().contains(token)) {
            throw ApiException.conflict("That token belongs to a user already");
        }
        Account account;
        try {
            account = server.addUser(name, password);
        } catch (IllegalArgumentException raced) {
            throw ApiException.conflict("User already exists: " + name);
        }
        if (token != null) {
            server.tokens().add(name, token);
        }
        call.header("Location", "/api/users/" + Paths.segment(name));
        call.json(201, user(account));
    }

    /** Replaces the password, or every OAuth2 token of the user with one, or both. */
    void change(Call call) throws IOException {
        Account account = MailboxesResource.account(server, call.path("user"));
        JsonNode body = call.jsonObject();
        JsonFields fields = new JsonFields(body, "password", "token");
        String password = fields.optionalString("password");
        String token = fields.optionalString("token");
        if (!body.has("password") && !body.has("token")) {
            fields.error("password", "give password, token or both");
        }
        fields.done();
        if (token != null && server.tokens().contains(token)) {
            throw ApiException.conflict("That token is known already");
        }
        if (password != null) {
            account.password(password);
        }
        if (token != null) {
            server.tokens().removeUser(account.user());
            server.tokens().add(account.user(), token);
        }
        call.json(200, user(account));
    }

    void remove(Call call) throws IOException {
        String name = call.path("user");
        if (!server.removeUser(name)) {
            throw ApiException.notFound("No such user: " + name);
        }
        call.noContent();
    }

    private Map<String, Object> user(Account account) {
        Map<String, Object> u = new LinkedHashMap<>();
        int mailboxes = 0;
        long messages = 0;
        for (Mailbox m : account.mailboxes()) {
            if (!m.isNoselect()) {
                mailboxes++;
                messages += m.size();
            }
        }
        u.put("name", account.user());
        u.put("mailboxes", mailboxes);
        u.put("messages", messages);
        u.put("hasToken", server.tokens().hasToken(account.user()));
        return u;
    }
}
