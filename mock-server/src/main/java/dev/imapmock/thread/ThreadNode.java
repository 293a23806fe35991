package dev.imapmock.thread;

import java.util.List;

/**
 * One node of a THREAD answer: a message and the replies to it, in order. A node whose
 * {@code number} is 0 stands for a message that is not there (a "dummy", RFC 5256 §3), which an
 * answer holds only at the top of a thread and only with two or more children.
 */
public record ThreadNode(long number, List<ThreadNode> children) {

    public ThreadNode {
        children = List.copyOf(children);
    }

    /** True for a message that is not there. */
    public boolean dummy() {
        return number == 0;
    }

    /**
     * The answer's data after {@code THREAD} (RFC 5256 §4, {@code thread-data}): one
     * {@code thread-list} per thread, written one after the other without spaces. A message with
     * one reply continues the same list ({@code (1 2 3)}); with several, each reply opens a list of
     * its own ({@code (1 (2)(3 4))}). Empty for no thread.
     */
    public static String write(List<ThreadNode> threads) {
        StringBuilder sb = new StringBuilder();
        for (ThreadNode thread : threads) {
            sb.append('(');
            thread.members(sb);
            sb.append(')');
        }
        return sb.toString();
    }

    /** {@code thread-members} or {@code thread-nested}: this node and what hangs below it. */
    private void members(StringBuilder sb) {
        if (!dummy()) {
            sb.append(number);
            if (children.isEmpty()) {
                return;
            }
            sb.append(' ');
            if (children.size() == 1) {
                children.get(0).members(sb);
                return;
            }
        }
        for (ThreadNode child : children) {
            sb.append('(');
            child.members(sb);
            sb.append(')');
        }
    }
}
