package dev.imapmock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the docs' snippets and the tests that run them equal: a snippet is the lines between
 * {@code // --- PAGE: NAME} and {@code // --- PAGE: end} of a test source, without their common
 * indentation, and the page must hold it verbatim.
 */
public final class DocSnippets {
    /** Tests run in the module's directory; the docs are the repository's. */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path TESTS = Path.of("src", "test", "java");

    private DocSnippets() {
    }

    public static String page(String name) {
        return read(DOCS.resolve(name));
    }

    /** The snippet {@code name} of {@code page} in the source of {@code testClass}. */
    public static String region(Class<?> testClass, String page, String name) {
        return region(testClass.getName(), page, name);
    }

    /** As {@link #region(Class, String, String)}, for a test class other packages cannot see. */
    public static String region(String testClass, String page, String name) {
        Path source = TESTS.resolve(testClass.replace('.', '/') + ".java");
        List<String> lines = read(source).lines().toList();
        String start = "// --- " + page + ": " + name;
        String end = "// --- " + page + ": end";
        List<String> region = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (line.strip().equals(start)) {
                in = true;
            } else if (in && line.strip().equals(end)) {
                return String.join("\n", dedent(region)) + "\n";
            } else if (in) {
                region.add(line);
            }
        }
        throw new AssertionError("No snippet " + start + " ... " + end + " in " + source);
    }

    /** Asserts that {@code page} (under docs/) holds {@code snippet} verbatim. */
    public static void assertPageHolds(String page, String snippet) {
        assertThat(page(page)).as("docs/%s holds the snippet", page).contains(snippet);
    }

    private static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(indent));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
