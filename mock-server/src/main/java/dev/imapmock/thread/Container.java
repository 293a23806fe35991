package dev.imapmock.thread;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the REFERENCES algorithm while it works (RFC 5256 §3): a message, or a dummy for a
 * message that is referred to but not among the searched ones. Mutable; used by one thread.
 */
final class Container {
    /** The message, null for a dummy. */
    ThreadMessage message;
    Container parent;
    final List<Container> children = new ArrayList<>();
    /** For a thread's top: it stood for a missing message before its only child took its place. */
    boolean wasDummy;

    Container(ThreadMessage message) {
        this.message = message;
    }

    boolean dummy() {
        return message == null;
    }

    /** True when {@code other} is this container or one of its ancestors. */
    boolean hasAncestor(Container other) {
        for (Container c = this; c != null; c = c.parent) {
            if (c == other) {
                return true;
            }
        }
        return false;
    }

    void addChild(Container child) {
        child.parent = this;
        children.add(child);
    }

    void unlink() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    /** The answer's tree below this container, built bottom-up so that any depth works. */
    ThreadNode toNode() {
        List<Container> order = new ArrayList<>();
        order.add(this);
        for (int i = 0; i < order.size(); i++) {
            order.addAll(order.get(i).children);
        }
        Map<Container, ThreadNode> built = new IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Container c = order.get(i);
            List<ThreadNode> nodes = new ArrayList<>(c.children.size());
            for (Container child : c.children) {
                nodes.add(built.remove(child));
            }
            built.put(c, new ThreadNode(c.dummy() ? 0 : c.message.number(), nodes));
        }
        return built.get(this);
    }
}
