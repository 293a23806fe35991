package dev.imapmock.thread;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Optional;

/**
 * The threading algorithms THREAD knows (RFC 5256 §3), each offered through its own extension,
 * whose capability is {@code THREAD=} and the algorithm's name.
 */
public enum ThreadAlgorithm {
    REFERENCES(Extension.THREAD_REFERENCES),
    REFS(Extension.THREAD_REFS),
    ORDEREDSUBJECT(Extension.THREAD_ORDEREDSUBJECT);

    private final Extension extension;

    ThreadAlgorithm(Extension extension) {
        this.extension = extension;
    }

    /** The extension that offers this algorithm. */
    public Extension extension() {
        return extension;
    }

    /** The algorithm of this name, in any case. */
    public static Optional<ThreadAlgorithm> named(String name) {
        for (ThreadAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The threads of {@code messages}, which are the searched messages in mailbox order.
     * Pure: the same messages always give the same threads.
     */
    public List<ThreadNode> thread(List<ThreadMessage> messages) {
        return switch (this) {
            case REFERENCES -> ReferencesThreading.references(messages);
            case REFS -> ReferencesThreading.refs(messages);
            case ORDEREDSUBJECT -> OrderedSubject.thread(messages);
        };
    }
}
