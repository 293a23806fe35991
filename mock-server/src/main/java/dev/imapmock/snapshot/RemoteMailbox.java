package dev.imapmock.snapshot;

import java.util.List;
import java.util.Set;

/**
 * A mailbox as LIST showed it.
 *
 * @param wireName   the name as the server sent it (modified UTF-7), for EXAMINE
 * @param components the decoded name split at the hierarchy delimiter; the inbox is {@code INBOX}
 * @param attributes the name attributes in their canonical spelling ({@code \Noselect}, {@code \Sent}...)
 */
record RemoteMailbox(String wireName, List<String> components, Set<String> attributes) {

    /** The name as ImapMock spells it, with {@code /} between levels. */
    String name() {
        return String.join("/", components);
    }

    boolean selectable() {
        return attributes.stream().noneMatch(a -> a.equalsIgnoreCase("\\Noselect") || a.equalsIgnoreCase("\\NonExistent"));
    }
}
