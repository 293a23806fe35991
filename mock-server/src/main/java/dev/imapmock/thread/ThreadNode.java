package dev.imapmock.thread;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One node of a THREAD answer: a message and the replies to it, in order. A node whose
 * {@code number} is 0 stands for a message that is not there (a "dummy", RFC 5256 §3), which an
 * answer holds only at the top of a thread and only with two or more children.
 */
public record ThreadNode(long number, List<ThreadNode> children) {

    /**
     * Copies the children.
     *
     * @param number the message's number as THREAD writes it, or 0 for a dummy
     * @param children the replies, in the order they are written; empty for a leaf
     */
    public ThreadNode {
        children = List.copyOf(children);
    }

    /**
     * True for a message that is not there.
     *
     * @return true when {@code number} is 0
     */
    public boolean dummy() {
        return number == 0;
    }

    /**
     * The answer's data after {@code THREAD} (RFC 5256 §4, {@code thread-data}): one
     * {@code thread-list} per thread, written one after the other without spaces. A message with
     * one reply continues the same list ({@code (1 2 3)}); with several, each reply opens a list of
     * its own ({@code (1 (2)(3 4))}). Empty for no thread.
     *
     * @param threads the threads' roots, in order
     * @return the thread-data text, {@code ""} for no thread
     */
    public static String write(List<ThreadNode> threads) {
        StringBuilder sb = new StringBuilder();
        // Pending output, next first: a String is written as is, a node is replaced by what it
        // writes, so that a thread of any depth needs no recursion.
        Deque<Object> pending = new ArrayDeque<>();
        for (int i = threads.size() - 1; i >= 0; i--) {
            pending.push(")");
            pending.push(threads.get(i));
            pending.push("(");
        }
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof String text) {
                sb.append(text);
            } else {
                ((ThreadNode) next).members(pending);
            }
        }
        return sb.toString();
    }

    /**
     * Puts in front of {@code pending} what this node writes, {@code thread-members} or
     * {@code thread-nested}: its number, then a single child continuing the list or each of several
     * children in a list of its own; a dummy writes only its children's lists.
     */
    private void members(Deque<Object> pending) {
        if (!dummy() && children.size() == 1) {
            pending.push(children.get(0));
        } else {
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(")");
                pending.push(children.get(i));
                pending.push("(");
            }
        }
        if (!dummy()) {
            pending.push(children.isEmpty() ? Long.toString(number) : number + " ");
        }
    }
}
