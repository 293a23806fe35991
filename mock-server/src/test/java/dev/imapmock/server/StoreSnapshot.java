package dev.imapmock.server;

import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

import java.util.StringJoiner;

/**
 * A readable picture of everything a store holds (mailboxes, their state, every message's UID
 * and flags, subscriptions), so a test can prove a refused command changed nothing.
 */
final class StoreSnapshot {
    private StoreSnapshot() {
    }

    static String of(MailStore store) {
        StringJoiner out = new StringJoiner("\n");
        for (String user : store.users().stream().sorted().toList()) {
            Account account = store.account(user).orElseThrow();
            out.add("user " + user + " subscriptions " + account.subscriptions());
            for (Mailbox m : account.mailboxes()) {
                StringJoiner messages = new StringJoiner(", ", "[", "]");
                for (Message msg : m.messages()) {
                    messages.add(msg.uid() + " (" + msg.flags() + ") " + msg.size());
                }
                out.add("  " + m.name() + (m.isNoselect() ? " \\Noselect" : "") + " uidvalidity " + m.uidValidity()
                        + " uidnext " + m.uidNext() + " " + messages);
            }
        }
        return out.toString();
    }
}
