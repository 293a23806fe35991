package dev.imapmock.check;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the client checks found, in the order they were found: an immutable list of
 * {@link Finding}s with filters by kind and rule and a printable summary.
 */
public final class ClientReport extends AbstractList<Finding> {
    private final List<Finding> findings;

    /**
     * A report of these findings, copied.
     *
     * @param findings the findings, in the order found
     */
    public ClientReport(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    /**
     * Every rule the client checks have, by its stable id (such as {@code reselect}), with the kind
     * of its findings, in the order docs/client-checks.md lists them.
     *
     * @return an unmodifiable map from rule id to kind
     */
    public static Map<String, Finding.Kind> rules() {
        return Rules.ALL;
    }

    @Override
    public Finding get(int index) {
        return findings.get(index);
    }

    @Override
    public int size() {
        return findings.size();
    }

    /**
     * The protocol violations.
     *
     * @return the violations, in the order found
     */
    public List<Finding> violations() {
        return of(Finding.Kind.VIOLATION);
    }

    /**
     * The wasteful patterns, each with its count.
     *
     * @return the wasteful patterns, in the order found
     */
    public List<Finding> wasteful() {
        return of(Finding.Kind.WASTEFUL);
    }

    /**
     * The notes, such as a connection closed without LOGOUT.
     *
     * @return the notes, in the order found
     */
    public List<Finding> notes() {
        return of(Finding.Kind.NOTE);
    }

    /**
     * The findings of one rule, such as {@code reselect}.
     *
     * @param rule the rule's id
     * @return its findings, in the order found
     */
    public List<Finding> rule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private List<Finding> of(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * A few lines for people: how many violations, wasteful patterns and notes, then one line
     * per rule with its count and its first finding.
     *
     * @return the summary, lines separated by {@code \n}
     */
    public String summary() {
        if (findings.isEmpty()) {
            return "Client checks: no violations, no wasteful patterns.";
        }
        Map<String, List<Finding>> byRule = findings.stream()
                .collect(Collectors.groupingBy(Finding::rule, LinkedHashMap::new, Collectors.toList()));
        StringBuilder sb = new StringBuilder("Client checks: ")
                .append(violations().size()).append(" violation(s), ")
                .append(wasteful().size()).append(" wasteful pattern(s), ")
                .append(notes().size()).append(" note(s)");
        for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
            Finding first = rule.getValue().get(0);
            sb.append("\n  ").append(first.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(rule.getKey()).append(" x").append(rule.getValue().size())
                    .append(" (").append(first.rfc()).append("): e.g. connection ").append(first.connection())
                    .append(' ').append(first.command()).append(" - ").append(first.explanation());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
