package dev.imapmock.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a Java mail application costs each server, through Angus Mail with its defaults (16 KiB
 * partial fetches, LITERAL+ where offered): connect, the message list of a mail client
 * (FetchProfile ENVELOPE, FLAGS and UID over the whole folder), bodies one message at a time, and
 * STORE, COPY and EXPUNGE of 1,000 messages. Every Angus read and write times out.
 */
final class AngusWorkloads {
    /** Messages in the folder the workloads run on. */
    static final int MAILBOX = 1_000;
    private static final String TIMEOUT = Integer.toString(RawImap.TIMEOUT_MILLIS);

    private AngusWorkloads() {
    }

    /**
     * Runs the workloads against a started target; seeds it with {@code mail} first.
     *
     * @param bodies how many messages "bodies one by one" reads
     */
    static void run(TlsWorkloads.Sink sink, Target target, List<byte[]> mail, int bodies) throws Exception {
        target.seed(mail);
        Session session = Session.getInstance(properties(target.port()));
        String size = String.format(Locale.ROOT, "%,d", mail.size());
        sink.measure("Angus Mail: Store.connect + close, running server (ms)", () -> {
            long t = System.nanoTime();
            Store store = session.getStore("imap");
            store.connect(Target.USER, Target.PASSWORD);
            store.close();
            return millisSince(t);
        });
        Store store = session.getStore("imap");
        store.connect(Target.USER, Target.PASSWORD);
        try {
            sink.measure("Angus Mail: open INBOX + FetchProfile ENVELOPE+FLAGS+UID over all " + size + " (ms)", () -> {
                long t = System.nanoTime();
                // a new Folder each time: Angus keeps what it fetched on the Message objects
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(UIDFolder.FetchProfileItem.UID);
                inbox.fetch(messages, profile);
                check(messages[messages.length - 1].getSubject() != null, "no subject fetched");
                inbox.close(false);
                return millisSince(t);
            });
            sink.measure("Angus Mail: " + bodies + " bodies one by one (Message.writeTo), " + size + " in the folder (ms)", () -> {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                long t = System.nanoTime();
                for (int i = 1; i <= bodies; i++) {
                    inbox.getMessage(i).writeTo(OutputStream.nullOutputStream());
                }
                double millis = millisSince(t);
                inbox.close(false);
                return millis;
            });
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            boolean[] set = {true};
            sink.measure("Angus Mail: STORE +FLAGS/-FLAGS (\\Flagged) on " + size + " (ms)", () -> {
                long t = System.nanoTime();
                inbox.setFlags(all, new Flags(Flags.Flag.FLAGGED), set[0]);
                set[0] = !set[0];
                return millisSince(t);
            });
            int[] round = {0};
            sink.measure("Angus Mail: COPY " + size + " to another folder (ms)", () -> {
                Folder copies = store.getFolder("Copies" + round[0]++);
                copies.create(Folder.HOLDS_MESSAGES);
                long t = System.nanoTime();
                inbox.copyMessages(all, copies);
                double millis = millisSince(t);
                copies.delete(false);
                return millis;
            });
            sink.measure("Angus Mail: STORE \\Deleted + EXPUNGE of " + size + " (ms)", () -> {
                Folder doomed = store.getFolder("Doomed" + round[0]++);
                doomed.create(Folder.HOLDS_MESSAGES);
                inbox.copyMessages(all, doomed);
                doomed.open(Folder.READ_WRITE);
                long t = System.nanoTime();
                doomed.setFlags(1, doomed.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
                Message[] gone = doomed.expunge();
                double millis = millisSince(t);
                check(gone.length == mail.size(), "expunged " + gone.length);
                doomed.close(false);
                doomed.delete(false);
                return millis;
            });
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    static Properties properties(int port) {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", Integer.toString(port));
        props.setProperty("mail.imap.connectiontimeout", TIMEOUT);
        props.setProperty("mail.imap.timeout", TIMEOUT);
        props.setProperty("mail.imap.writetimeout", TIMEOUT);
        return props;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Angus Mail workload went wrong: " + what);
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
