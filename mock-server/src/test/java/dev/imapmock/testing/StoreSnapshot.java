package dev.imapmock.testing;

import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a client could change in a store, as comparable text: per account its mailboxes
 * (name, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, \Noselect, special uses) with each message's UID, bytes digest,
 * size, flags, MODSEQ and internal date, its subscriptions and its annotations (server and mailbox); so a test can prove that a refused
 * command changed nothing.
 */
public final class StoreSnapshot {
    private StoreSnapshot() {
    }

    /** One line per annotation (RFC 5464), none when there are none, so stores without any read as before. */
    private static void annotations(List<String> lines, String prefix, dev.imapmock.store.Annotations annotations) {
        for (java.util.Map.Entry<String, byte[]> e : annotations.all().entrySet()) {
            lines.add(prefix + " " + e.getKey() + " sha256 " + sha256(e.getValue()));
        }
    }

    public static List<String> of(MailStore store) {
        List<String> lines = new ArrayList<>();
        List<String> users = new ArrayList<>(store.users());
        users.sort(null);
        for (String user : users) {
            Account account = store.account(user).orElseThrow();
            lines.add("account " + user + " subscriptions " + account.subscriptions());
            annotations(lines, "server " + user, account.annotations());
            for (Mailbox mailbox : account.mailboxes()) {
                lines.add("mailbox " + user + "/" + mailbox.name() + " uidvalidity " + mailbox.uidValidity()
                        + " uidnext " + mailbox.uidNext() + " highestmodseq " + mailbox.highestModSeq()
                        + " noselect " + mailbox.isNoselect() + " specialuse " + account.specialUses(mailbox.name()));
                annotations(lines, "  annotations", mailbox.annotations());
                for (Message m : mailbox.messages()) {
                    lines.add("  uid " + m.uid() + " size " + m.size() + " sha256 " + sha256(m.bytes())
                            + " flags " + m.flags().names() + " modseq " + m.modSeq() + " date " + m.internalDate());
                }
            }
        }
        return lines;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
