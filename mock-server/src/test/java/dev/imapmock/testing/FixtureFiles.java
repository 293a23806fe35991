package dev.imapmock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a fixture tree that a test builds in a temporary directory. */
public final class FixtureFiles {
    private FixtureFiles() {
    }

    /** Writes {@code text} to {@code path} below {@code dir}, making the directories on the way. */
    public static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
