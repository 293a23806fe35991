package dev.imapmock.thread;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Optional;

/**
 * The threading algorithms THREAD knows (RFC 5256 §3), each offered through its own extension,
 * whose capability is {@code THREAD=} and the algorithm's name.
 */
public enum ThreadAlgorithm {
    /** {@code REFERENCES} (RFC 5256 section 3): threads by References and In-Reply-To, then by base subject. */
    REFERENCES(Extension.THREAD_REFERENCES),
    /**
     * {@code REFS} (draft-ietf-morg-inthread, Dovecot's variant): REFERENCES without merging threads by
     * subject, threads ordered by their newest message.
     */
    REFS(Extension.THREAD_REFS),
    /** {@code ORDEREDSUBJECT} (RFC 5256 section 3): threads by base subject, ordered by sent date. */
    ORDEREDSUBJECT(Extension.THREAD_ORDEREDSUBJECT);

    private final Extension extension;

    ThreadAlgorithm(Extension extension) {
        this.extension = extension;
    }

    /**
     * The extension that offers this algorithm.
     *
     * @return the {@code THREAD=} extension; a server without it does not know the algorithm
     */
    public Extension extension() {
        return extension;
    }

    /**
     * The algorithm of this name, in any case.
     *
     * @param name the algorithm's name as sent
     * @return the algorithm, or empty for a name this server does not know
     */
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
     *
     * @param messages the searched messages in mailbox order
     * @return the threads, in the order the algorithm gives them
     */
    public List<ThreadNode> thread(List<ThreadMessage> messages) {
        return switch (this) {
            case REFERENCES -> ReferencesThreading.references(messages);
            case REFS -> ReferencesThreading.refs(messages);
            case ORDEREDSUBJECT -> OrderedSubject.thread(messages);
        };
    }
}
