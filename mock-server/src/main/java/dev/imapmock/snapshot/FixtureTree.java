package dev.imapmock.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/**
 * Writes a fixture tree as {@code --fixtures DIR} reads it (docs/fixtures.md): a directory per
 * mailbox, {@code 000001.eml} files in the order of their UIDs, a {@code .properties} sidecar per
 * message with its flags and internal date, and one per mailbox with its special uses and
 * subscription.
 *
 * <p>Everything goes into a hidden temporary directory next to the target first; {@link #commit}
 * moves it into place in one rename, and {@link #close} without a commit deletes it, so a failed
 * snapshot leaves no half-written tree.
 */
final class FixtureTree implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private boolean committed;

    private FixtureTree(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Prepares a tree that will end up at {@code target}, which must not exist or be an empty
     * directory.
     *
     * @throws IOException when {@code target} holds something, or the temporary directory cannot be made
     */
    static FixtureTree create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
            throw new IOException(target + " already exists and is not an empty directory; a snapshot never"
                    + " overwrites anything");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        return new FixtureTree(absolute, temporary);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /** The temporary directory everything is written to until {@link #commit}. */
    Path temporary() {
        return temporary;
    }

    /** Creates the directory of a mailbox, given as path components ({@code [INBOX, Receipts]}). */
    Path mailbox(List<String> components) throws IOException {
        Path dir = temporary;
        for (String c : components) {
            dir = dir.resolve(c);
        }
        return Files.createDirectories(dir);
    }

    /**
     * Writes the mailbox sidecar {@code <dir>.properties}.
     *
     * @param specialUse the special-use attributes ({@code \Sent}...), possibly none; null when the
     *                   server does not say (no SPECIAL-USE), so the loader's names rule applies
     */
    void mailboxSidecar(Path dir, Collection<String> specialUse, boolean subscribed) throws IOException {
        StringBuilder text = new StringBuilder("# mailbox ").append(temporary.relativize(dir)).append('\n');
        if (specialUse != null) {
            text.append("specialuse=").append(String.join(" ", specialUse)).append('\n');
        }
        if (subscribed) {
            text.append("subscribed=yes\n");
        }
        if (specialUse != null || subscribed) {
            Files.writeString(dir.resolveSibling(dir.getFileName() + ".properties"), text, StandardCharsets.UTF_8);
        }
    }

    /** The file name of the {@code index}-th message (from 1) of a mailbox of {@code count}. */
    static String fileName(int index, int count) {
        int width = Math.max(6, Integer.toString(count).length());
        return String.format("%0" + width + "d.eml", index);
    }

    /** Writes one message and its sidecar; {@code uid} goes into a comment, for reference. */
    void message(Path dir, String fileName, byte[] bytes, Collection<String> flags, OffsetDateTime internalDate,
                 long uid) throws IOException {
        Files.write(dir.resolve(fileName), bytes);
        String sidecar = "# uid " + uid + "\nflags=" + String.join(" ", flags) + "\ninternaldate="
                + internalDate.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n";
        Files.writeString(dir.resolve(fileName + ".properties"), sidecar, StandardCharsets.UTF_8);
    }

    /** Writes a file at the top of the tree (the anonymization report). */
    void topFile(String name, String text) throws IOException {
        Files.writeString(temporary.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Moves the finished tree into place. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            Files.delete(target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
        committed = true;
    }

    /** Deletes the temporary directory unless the tree was committed. */
    @Override
    public void close() throws IOException {
        if (committed || !Files.exists(temporary)) {
            return;
        }
        Files.walkFileTree(temporary, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
