package dev.imapmock.thread;

import java.util.ArrayList;
import java.util.List;

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

    ThreadNode toNode() {
        List<ThreadNode> nodes = new ArrayList<>(children.size());
        for (Container child : children) {
            nodes.add(child.toNode());
        }
        return new ThreadNode(dummy() ? 0 : message.number(), nodes);
    }
}
