package dev.imapmock.thread;

import dev.imapmock.mime.Collation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ORDEREDSUBJECT algorithm of RFC 5256 §3: the messages with the same base subject (compared
 * without regard to case; an empty one is a subject too) make one thread, whose first message by
 * sent date is its top and all others, in sent-date order, its children; the threads are ordered
 * by the sent date of their first message. Equal dates keep mailbox order (§2.2).
 */
final class OrderedSubject {
    private static final Comparator<ThreadMessage> BY_SENT_DATE = Comparator
            .comparingLong(ThreadMessage::sentDate).thenComparingLong(ThreadMessage::number);

    private OrderedSubject() {
    }

    static List<ThreadNode> thread(List<ThreadMessage> messages) {
        Map<String, List<ThreadMessage>> bySubject = new LinkedHashMap<>();
        for (ThreadMessage m : messages) {
            bySubject.computeIfAbsent(Collation.fold(m.baseSubject()), s -> new ArrayList<>()).add(m);
        }
        List<List<ThreadMessage>> threads = new ArrayList<>(bySubject.values());
        for (List<ThreadMessage> thread : threads) {
            thread.sort(BY_SENT_DATE);
        }
        threads.sort(Comparator.comparing(thread -> thread.get(0), BY_SENT_DATE));
        List<ThreadNode> nodes = new ArrayList<>(threads.size());
        for (List<ThreadMessage> thread : threads) {
            List<ThreadNode> children = new ArrayList<>(thread.size() - 1);
            for (ThreadMessage m : thread.subList(1, thread.size())) {
                children.add(new ThreadNode(m.number(), List.of()));
            }
            nodes.add(new ThreadNode(thread.get(0).number(), children));
        }
        return nodes;
    }
}
