package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailboxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/reset} (back to the seeded users and mail) and {@code /api/snapshot} (the store as a
 * fixture-tree zip, and loading one: all users' mail replaced, or nothing when the zip is refused).
 */
final class StateResource {
    private final ImapMockServer server;

    StateResource(ImapMockServer server) {
        this.server = server;
    }

    void reset(Call call) throws IOException {
        server.reset();
        call.noContent();
    }

    void snapshot(Call call) throws IOException {
        String unfit = FixtureTree.unfit(server.store());
        if (unfit != null) {
            throw ApiException.conflict(unfit);
        }
        call.header("Content-Disposition", "attachment; filename=\"imapmock-snapshot.zip\"");
        try (java.io.OutputStream out = call.stream("application/zip")) {
            FixtureTree.zip(server.store(), out);
        }
    }

    void load(Call call) throws IOException {
        call.requireType("application/zip");
        List<String> users = new ArrayList<>(server.store().users());
        users.sort(null);
        FixtureTree.Snapshot snapshot = FixtureTree.read(call.body(), users, server.store().delimiter());
        try {
            server.store().replaceMail(snapshot.content());
        } catch (MailboxException e) {
            throw ApiException.badField("body", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage() + " (removed while the snapshot loaded)");
        }
        // The mailboxes exist now; their sidecars' ACL entries apply as fixtures' do when seeded.
        for (var user : snapshot.acls().entrySet()) {
            for (var box : user.getValue().entrySet()) {
                for (var entry : box.getValue().entrySet()) {
                    server.acl(user.getKey(), box.getKey()).set(entry.getKey(), entry.getValue());
                }
            }
        }
        call.noContent();
    }
}
