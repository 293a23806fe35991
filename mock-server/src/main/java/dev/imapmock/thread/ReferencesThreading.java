package dev.imapmock.thread;

import dev.imapmock.mime.Collation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REFERENCES algorithm of RFC 5256 §3, steps 1 to 6, and REFS, Dovecot's variant of it
 * (draft-ietf-morg-inthread §4): steps 1 to 4 and 6 alike, no gathering by subject (step 5), and
 * the threads ordered by their newest message rather than their first. Not thread-safe; one
 * instance threads one list.
 */
final class ReferencesThreading {
    /** Siblings by sent date, then by their order in the mailbox (RFC 5256 §2.2). */
    private static final Comparator<Container> BY_SENT_DATE = Comparator
            .comparingLong((Container c) -> first(c).sentDate()).thenComparingLong(c -> first(c).number());

    private final boolean bySubject;
    private final Map<String, Container> byId = new HashMap<>();
    private final List<Container> all = new ArrayList<>();

    private ReferencesThreading(boolean bySubject) {
        this.bySubject = bySubject;
    }

    /** REFERENCES (RFC 5256 §3). */
    static List<ThreadNode> references(List<ThreadMessage> messages) {
        return new ReferencesThreading(true).thread(messages);
    }

    /** REFS: REFERENCES without step 5, threads ordered by their newest message. */
    static List<ThreadNode> refs(List<ThreadMessage> messages) {
        return new ReferencesThreading(false).thread(messages);
    }

    private List<ThreadNode> thread(List<ThreadMessage> messages) {
        for (ThreadMessage m : messages) {
            link(m);
        }
        List<Container> roots = prune();
        // Sorting every set of siblings first gives each dummy its first child for step 4.
        sortSiblings(all);
        if (bySubject) {
            roots.sort(BY_SENT_DATE);
            roots = gatherBySubject(roots);
            // Step 6, again for the sets step 5 changed, and for the threads themselves.
            sortSiblings(all);
            sortSiblings(roots);
            roots.sort(BY_SENT_DATE);
        } else {
            sortByNewest(roots);
        }
        List<ThreadNode> threads = new ArrayList<>(roots.size());
        for (Container root : roots) {
            threads.add(root.toNode());
        }
        return threads;
    }

    /**
     * REFS: threads by the latest sent date in them; on a tie a thread whose top is a missing
     * message comes first, then by the top's order in the mailbox, as Dovecot orders them.
     */
    private static void sortByNewest(List<Container> roots) {
        Map<Container, Long> newest = new IdentityHashMap<>();
        for (Container root : roots) {
            newest.put(root, newest(root));
        }
        roots.sort(Comparator.comparingLong((Container c) -> newest.get(c))
                .thenComparingLong(c -> c.dummy() || c.wasDummy ? 0 : c.message.number()));
    }

    /**
     * Step 1. A message without Message-ID, or with one that an earlier message has already, gets
     * a container of its own that no reference can reach (§3 1.A: a unique Message ID).
     */
    private void link(ThreadMessage m) {
        Container self = null;
        if (m.messageId() != null) {
            Container known = byId.get(m.messageId());
            if (known == null) {
                self = new Container(m);
                byId.put(m.messageId(), self);
                all.add(self);
            } else if (known.dummy()) {
                known.message = m;
                self = known;
            }
        }
        if (self == null) {
            self = new Container(m);
            all.add(self);
        }
        // 1.A: each reference is the parent of the next, unless the next has a parent already
        // (References may have been cut short) or the link would close a loop.
        Container previous = null;
        for (String id : m.references()) {
            Container c = byId.get(id);
            if (c == null) {
                c = new Container(null);
                byId.put(id, c);
                all.add(c);
            }
            if (previous != null && c.parent == null && !wouldLoop(previous, c)) {
                previous.addChild(c);
            }
            previous = c;
        }
        // 1.B: the last reference is the parent, replacing whatever 1.A of earlier messages set;
        // without references the message has no parent.
        self.unlink();
        if (previous != null && !wouldLoop(previous, self)) {
            previous.addChild(self);
        }
    }

    /** True when making {@code child} a child of {@code parent} would close a loop. */
    private static boolean wouldLoop(Container parent, Container child) {
        return parent == child || (!child.children.isEmpty() && parent.hasAncestor(child));
    }

    /**
     * Steps 2 and 3: the threads' tops, with the dummies pruned. A dummy without children goes; one
     * with children gives way to them, except at the top of a thread, where it stays unless it has
     * only one child. So each message ends up under its nearest ancestor that is a message, or,
     * when it has none, under the dummy at the top of its thread. Iterative, so that a thread of
     * any depth works.
     */
    private List<Container> prune() {
        List<Container> messages = new ArrayList<>();
        List<Container> parents = new ArrayList<>();
        for (Container c : all) {
            if (!c.dummy()) {
                Container p = c.parent;
                while (p != null && p.dummy() && p.parent != null) {
                    p = p.parent;
                }
                messages.add(c);
                parents.add(p);
            }
        }
        for (Container c : all) {
            c.children.clear();
            c.parent = null;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (parents.get(i) != null) {
                parents.get(i).addChild(messages.get(i));
            }
        }
        List<Container> tops = new ArrayList<>();
        for (Container c : all) {
            if (c.parent == null) {
                tops.add(c);
            }
        }
        List<Container> roots = new ArrayList<>(tops.size());
        for (Container c : tops) {
            if (c.dummy() && c.children.isEmpty()) {
                continue;
            }
            if (c.dummy() && c.children.size() == 1) {
                Container only = c.children.remove(0);
                only.parent = null;
                only.wasDummy = true;
                roots.add(only);
            } else {
                roots.add(c);
            }
        }
        return roots;
    }

    /**
     * Step 5: the threads whose subjects have the same base subject (a dummy's is its first
     * child's; an empty one joins nothing) become one, following the rules of 5.B for which thread
     * stands for a subject and of 5.C for how the others join it.
     */
    private static List<Container> gatherBySubject(List<Container> roots) {
        Map<String, Container> table = new HashMap<>();
        // A top's subject does not change below: a thread only gains children after its first.
        String[] subjects = new String[roots.size()];
        for (int i = 0; i < subjects.length; i++) {
            Container root = roots.get(i);
            String subject = subjectKey(root);
            subjects[i] = subject;
            if (subject.isEmpty()) {
                continue;
            }
            Container known = table.get(subject);
            if (known == null || (!known.dummy() && (root.dummy() || (reply(known) && !reply(root))))) {
                table.put(subject, root);
            }
        }
        Set<Container> tops = new LinkedHashSet<>(roots);
        for (int i = 0; i < subjects.length; i++) {
            Container root = roots.get(i);
            String subject = subjects[i];
            if (root.parent != null || subject.isEmpty()) {
                continue;
            }
            Container known = table.get(subject);
            if (known == root) {
                continue;
            }
            tops.remove(root);
            if (root.dummy() && known.dummy()) {
                for (Container child : new ArrayList<>(root.children)) {
                    known.addChild(child);
                }
                root.children.clear();
            } else if (known.dummy() || (reply(root) && !reply(known))) {
                known.addChild(root);
            } else {
                Container joint = new Container(null);
                tops.remove(known);
                tops.add(joint);
                joint.addChild(known);
                joint.addChild(root);
                table.put(subject, joint);
            }
        }
        return new ArrayList<>(tops);
    }

    /**
     * Step 6 for the children of each of {@code containers}: by sent date. The order in which the
     * sets are sorted does not matter: only a thread's top can be a dummy, whose children are all
     * messages.
     */
    private static void sortSiblings(List<Container> containers) {
        for (Container c : containers) {
            if (c.children.size() > 1) {
                c.children.sort(BY_SENT_DATE);
            }
        }
    }

    /** The message that stands for a container when sorting: a dummy's first child. */
    private static ThreadMessage first(Container c) {
        while (c.dummy()) {
            c = c.children.get(0);
        }
        return c.message;
    }

    /** The latest sent date in the thread below {@code top}, its top included. */
    private static long newest(Container top) {
        long newest = Long.MIN_VALUE;
        Deque<Container> pending = new ArrayDeque<>(List.of(top));
        while (!pending.isEmpty()) {
            Container c = pending.pop();
            if (!c.dummy()) {
                newest = Math.max(newest, c.message.sentDate());
            }
            pending.addAll(c.children);
        }
        return newest;
    }

    private static boolean reply(Container c) {
        return !c.dummy() && c.message.replyOrForward();
    }

    /** The base subject of a thread's top, case-folded for comparison (RFC 5256 §3 step 5). */
    private static String subjectKey(Container root) {
        return Collation.fold(first(root).baseSubject());
    }
}
