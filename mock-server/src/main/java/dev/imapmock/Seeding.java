package dev.imapmock;

import dev.imapmock.fixtures.FixtureException;
import dev.imapmock.fixtures.FixtureMailbox;
import dev.imapmock.fixtures.FixtureMessage;
import dev.imapmock.fixtures.FixtureReader;
import dev.imapmock.fixtures.ResolvedFixture;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Labels;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;
import dev.imapmock.store.Message;
import dev.imapmock.store.Rights;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts fixture mail into the store, the same way APPEND does; a fixture's ACL entries the way
 * SETACL does, and its Gmail labels the way {@code STORE +X-GM-LABELS} does. The server's snapshot
 * for {@code reset()} is taken after this, so it holds all of it.
 */
final class Seeding {

    /**
     * One fixture to load, for one user or (user null) for every configured user: a spec to
     * resolve, a path, or mailboxes read already.
     */
    record Source(String user, String spec, Path path, List<FixtureMailbox> mailboxes) {
    }

    private Seeding() {
    }

    static void apply(MailStore store, List<String> users, Source source, ClassLoader loader) {
        if (source.user() != null) {
            seed(store, source.user(), read(source, loader, store.delimiter()));
        } else if (users.size() == 1) {
            seed(store, users.get(0), read(source, loader, store.delimiter()));
        } else {
            for (Map.Entry<String, List<FixtureMailbox>> e
                    : readUsers(source, users, loader, store.delimiter()).entrySet()) {
                seed(store, e.getKey(), e.getValue());
            }
        }
    }

    /** The fixture's mailboxes, a tree's levels joined with {@code delimiter}. */
    private static List<FixtureMailbox> read(Source source, ClassLoader loader, char delimiter) {
        if (source.mailboxes() != null) {
            return source.mailboxes();
        }
        return source.path() != null ? FixtureReader.read(source.path(), delimiter)
                : FixtureReader.load(source.spec(), loader, delimiter);
    }

    private static Map<String, List<FixtureMailbox>> readUsers(Source source, List<String> users, ClassLoader loader,
                                                               char delimiter) {
        if (source.path() != null) {
            return FixtureReader.readUsers(source.path(), users, delimiter);
        }
        try (ResolvedFixture fixture = FixtureReader.resolve(source.spec(), loader)) {
            return FixtureReader.readUsers(fixture.path(), users, delimiter);
        }
    }

    static void seed(MailStore store, String user, List<FixtureMailbox> mailboxes) {
        Account account = store.account(user)
                .orElseThrow(() -> new IllegalArgumentException("Fixtures name a user that is not configured: " + user));
        Labels labels = account.labels();
        if (labels == null) {
            refuseLabels(mailboxes);
        }
        for (FixtureMailbox fixture : mailboxes) {
            Mailbox mailbox = account.mailbox(fixture.name());
            if (mailbox == null || mailbox.isNoselect()) {
                mailbox = account.create(fixture.name());
            }
            if (fixture.specialUse().isPresent()) {
                account.specialUses(fixture.name(), fixture.specialUse().get());
            }
            if (fixture.subscribed()) {
                account.subscribe(fixture.name());
            }
            for (Map.Entry<String, Rights> entry : fixture.acl().entrySet()) {
                mailbox.acl().set(entry.getKey(), entry.getValue());
            }
            List<Mailbox.NewMessage> messages = new ArrayList<>(fixture.messages().size());
            for (FixtureMessage m : fixture.messages()) {
                messages.add(new Mailbox.NewMessage(m.bytes(), Flags.of(m.flags()),
                        OffsetDateTime.from(m.internalDate())));
            }
            List<Message> added;
            try {
                added = mailbox.append(messages);
            } catch (MailboxException e) {
                throw new IllegalArgumentException("Fixtures exceed a limit of " + user + "'s account, in "
                        + fixture.name() + ": " + e.getMessage());
            }
            for (int i = 0; i < added.size(); i++) {
                label(labels, mailbox, added.get(i), fixture.messages().get(i));
            }
        }
    }

    /** Gives {@code message} the labels of {@code fixture}, as {@code STORE +X-GM-LABELS} would. */
    private static void label(Labels labels, Mailbox mailbox, Message message, FixtureMessage fixture) {
        if (fixture.labels().isEmpty()) {
            return;
        }
        try {
            labels.change(mailbox, List.of(message), Labels.Change.ADD, fixture.labels());
        } catch (MailboxException e) {
            throw new FixtureException(fixture.source(), "cannot give it the labels " + fixture.labels()
                    + ": " + e.getMessage());
        }
    }

    /**
     * Labels need an account that stores a message once and shows it in several folders. Copying
     * the message into each folder instead would give a test separate messages, with their own
     * X-GM-MSGID and flags and X-GM-LABELS {@code ()}, which is not what a fixture written for
     * Gmail means; a clear error says what to switch on.
     */
    private static void refuseLabels(List<FixtureMailbox> mailboxes) {
        for (FixtureMailbox fixture : mailboxes) {
            for (FixtureMessage m : fixture.messages()) {
                if (!m.labels().isEmpty()) {
                    throw new FixtureException(m.source(), "labels " + m.labels() + " need Gmail's labels:"
                            + " build the server with the gmail profile (Profile.GMAIL, --profile gmail,"
                            + " @ImapServer(profile = \"gmail\"))");
                }
            }
        }
    }
}
