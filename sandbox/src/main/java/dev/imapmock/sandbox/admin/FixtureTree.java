package dev.imapmock.sandbox.admin;

import dev.imapmock.fixtures.FixtureException;
import dev.imapmock.fixtures.FixtureMailbox;
import dev.imapmock.fixtures.FixtureMessage;
import dev.imapmock.fixtures.FixtureReader;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Message;
import dev.imapmock.store.SpecialUse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The store as a zip of a fixture tree, in the format {@code --fixtures DIR} reads
 * (docs/fixtures.md), and back. With one user the zip holds that user's mailbox tree; with several,
 * one tree per user in a directory named after the user, as {@code --fixtures} expects for the same
 * users. Each mailbox is a directory with a sidecar {@code NAME.properties} giving its special uses
 * and whether it is subscribed,
 * each message {@code 000001.eml} (UID order) with a sidecar holding its flags and internal date.
 * Subscriptions, UIDs and UIDVALIDITY are not part of a fixture and start afresh when loaded.
 */
final class FixtureTree {
    /** The most octets a snapshot may unpack to, against zip bombs. */
    static final long MAX_UNPACKED = 1L << 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private FixtureTree() {
    }

    /**
     * Why the store cannot be written as a fixture tree, or null when it can: a directory level is
     * a hierarchy level, so a {@code /} inside a level (a name such as {@code x/y} under the
     * delimiter {@code .}) would come back as two levels.
     */
    static String unfit(MailStore store) {
        List<String> users = new ArrayList<>(store.users());
        users.sort(null);
        for (String user : users) {
            Account account = store.account(user).orElse(null);
            if (account == null || account.delimiter() == '/') {
                continue;
            }
            for (Mailbox mailbox : account.mailboxes()) {
                if (!mailbox.isNoselect() && mailbox.name().indexOf('/') >= 0) {
                    return "Mailbox " + mailbox.name() + " of " + user + " holds '/' inside a hierarchy level (the"
                            + " delimiter is '" + account.delimiter() + "'), which a fixture tree's directories"
                            + " cannot hold; rename it first";
                }
            }
        }
        return null;
    }

    /** Writes the zip to {@code out}, mailbox by mailbox, without holding it in memory; closes {@code out}. */
    static void zip(MailStore store, OutputStream out) throws IOException {
        List<String> users = new ArrayList<>(store.users());
        users.sort(null);
        try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 64 * 1024))) {
            for (String user : users) {
                Account account = store.account(user).orElse(null);
                if (account != null) {
                    write(zip, users.size() == 1 ? "" : user + "/", account);
                }
            }
        }
    }

    private static void write(ZipOutputStream zip, String prefix, Account account) throws IOException {
        if (!prefix.isEmpty()) {
            zip.putNextEntry(entry(prefix));
            zip.closeEntry();
        }
        for (Mailbox mailbox : account.mailboxes()) {
            if (mailbox.isNoselect()) {
                continue;
            }
            // A hierarchy level is a directory level, whatever the server's delimiter.
            String path = prefix + mailbox.name().replace(account.delimiter(), '/');
            String dir = path + "/";
            zip.putNextEntry(entry(dir));
            zip.closeEntry();
            StringBuilder uses = new StringBuilder("specialuse=");
            for (SpecialUse use : new TreeSet<>(account.specialUses(mailbox.name()))) {
                uses.append(uses.length() > 11 ? " " : "").append(use.attribute());
            }
            String subscribed = account.subscriptions().contains(mailbox.name()) ? "subscribed=yes\n" : "";
            entry(zip, path + ".properties",
                    (uses + "\n" + subscribed).getBytes(StandardCharsets.UTF_8));
            List<Message> messages = mailbox.messages();
            int width = Math.max(6, String.valueOf(messages.size()).length());
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                String name = dir + String.format("%0" + width + "d", i + 1) + ".eml";
                entry(zip, name, m.bytes());
                String sidecar = "flags=" + String.join(" ", m.flags().names()) + "\n"
                        + "internaldate=" + DATE.format(m.internalDate()) + "\n";
                entry(zip, name + ".properties", sidecar.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** An entry with a fixed time, so that the same store always makes the same zip. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        return e;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads a snapshot zip for {@code users}: every user is a key, with the mail it holds (empty
     * when the zip has none for it). A 400 naming the entry or file when the zip is not a fixture
     * tree for these users.
     */
    static Map<String, List<Account.MailboxContent>> unzip(byte[] zip, List<String> users, char delimiter)
            throws IOException {
        return read(zip, users, delimiter).content();
    }

    /**
     * What a snapshot zip holds: the mail for {@link dev.imapmock.store.MailStore#replaceMail} and the
     * ACL entries of the mailboxes whose sidecars set some ({@code acl=}), by user and mailbox.
     *
     * @param content the mail, by user
     * @param acls    ACL entries, by user, then by mailbox name
     */
    record Snapshot(Map<String, List<Account.MailboxContent>> content,
                    Map<String, Map<String, Map<String, dev.imapmock.store.Rights>>> acls) {
    }

    /**
     * As {@link #unzip}, with the ACLs. Gmail labels ({@code labels=} sidecars) are refused with a
     * 400: loading them takes the labels of the gmail profile, which a snapshot load does not set up.
     */
    static Snapshot read(byte[] zip, List<String> users, char delimiter) throws IOException {
        Path dir = Files.createTempDirectory("imapmock-snapshot");
        try {
            extract(zip, dir);
            Map<String, List<FixtureMailbox>> read = new LinkedHashMap<>();
            try {
                if (users.size() == 1) {
                    read.put(users.get(0), FixtureReader.read(dir, delimiter));
                } else {
                    checkUsers(dir, users);
                    read.putAll(FixtureReader.readUsers(dir, users, delimiter));
                }
            } catch (FixtureException e) {
                String where = dir.relativize(Path.of(e.source()).toAbsolutePath()).toString();
                throw ApiException.badField("body", (where.isEmpty() ? "" : where + ": ") + e.reason());
            }
            Map<String, List<Account.MailboxContent>> content = new LinkedHashMap<>();
            Map<String, Map<String, Map<String, dev.imapmock.store.Rights>>> acls = new LinkedHashMap<>();
            for (Map.Entry<String, List<FixtureMailbox>> e : read.entrySet()) {
                List<Account.MailboxContent> boxes = new ArrayList<>();
                for (FixtureMailbox box : e.getValue()) {
                    if (!box.acl().isEmpty()) {
                        acls.computeIfAbsent(e.getKey(), u -> new LinkedHashMap<>()).put(box.name(), box.acl());
                    }
                    List<Mailbox.NewMessage> messages = new ArrayList<>();
                    for (FixtureMessage m : box.messages()) {
                        if (!m.labels().isEmpty()) {
                            throw ApiException.badField("body", dir.relativize(Path.of(m.source()).toAbsolutePath())
                                    + ": labels= (Gmail labels) can't be loaded"
                                    + " into a running server; start it with --profile gmail and --fixtures instead");
                        }
                        messages.add(new Mailbox.NewMessage(m.bytes(), Flags.of(m.flags()),
                                OffsetDateTime.from(m.internalDate())));
                    }
                    Set<SpecialUse> uses = box.specialUse().orElse(null);
                    boxes.add(new Account.MailboxContent(box.name(), uses, messages, box.subscribed()));
                }
                content.put(e.getKey(), boxes);
            }
            return new Snapshot(content, acls);
        } finally {
            delete(dir);
        }
    }

    private static void checkUsers(Path dir, List<String> users) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            List<String> strangers = top.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !users.contains(n)).sorted().toList();
            if (!strangers.isEmpty()) {
                throw ApiException.badField("body", "the snapshot holds mail for users this server does not have: "
                        + String.join(", ", strangers) + " (add them first)");
            }
        }
    }

    /** Unpacks into {@code dir}, refusing entries that would land outside it and oversized content. */
    private static void extract(byte[] zip, Path dir) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw ApiException.badField("body", "zip entry " + entry.getName() + " points outside the tree");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(in, target, MAX_UNPACKED - total);
            }
        } catch (ZipException e) {
            throw ApiException.badField("body", "not a zip file: " + e.getMessage());
        }
        if (entries == 0) {
            throw ApiException.badField("body", "not a zip file, or an empty one");
        }
    }

    private static long copy(InputStream in, Path target, long room) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > room) {
                    throw ApiException.badField("body", "the snapshot unpacks to more than " + MAX_UNPACKED + " octets");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
