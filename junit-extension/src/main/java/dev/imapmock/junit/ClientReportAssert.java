package dev.imapmock.junit;

import dev.imapmock.check.ClientReport;
import dev.imapmock.check.Finding;
import org.assertj.core.api.AbstractAssert;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AssertJ assertions on what the server's client checks found ({@code server.clientReport()}).
 * A failure lists every offending finding, one a line, with its rule, RFC section, connection,
 * command and explanation.
 */
public final class ClientReportAssert extends AbstractAssert<ClientReportAssert, ClientReport> {

    ClientReportAssert(ClientReport actual) {
        super(actual, ClientReportAssert.class);
    }

    /**
     * The client broke none of the checked protocol rules.
     *
     * @return this, to chain more assertions
     */
    public ClientReportAssert hasNoViolations() {
        isNotNull();
        return none(actual.violations(), "protocol violations");
    }

    /**
     * The client showed none of the wasteful patterns named (rule ids such as {@code reselect},
     * {@link ClientReport#rules()} lists them); with no rule named, none at all. Patterns not
     * named may be there: {@code hasNoWastefulPatterns("reselect")} passes a client that only
     * polls. Violations and notes are never looked at; {@link #hasNoViolations()} checks those.
     *
     * @param rules the rule ids of wasteful patterns; none for every pattern
     * @return this, to chain more assertions
     * @throws IllegalArgumentException when a name is not the id of a wasteful pattern (a typo
     *                                  or a violation's id), which would make the assertion pass
     *                                  whatever the client did
     */
    public ClientReportAssert hasNoWastefulPatterns(String... rules) {
        isNotNull();
        for (String rule : rules) {
            if (ClientReport.rules().get(rule) != Finding.Kind.WASTEFUL) {
                String wasteful = ClientReport.rules().entrySet().stream()
                        .filter(e -> e.getValue() == Finding.Kind.WASTEFUL).map(java.util.Map.Entry::getKey)
                        .collect(Collectors.joining(", "));
                throw new IllegalArgumentException("hasNoWastefulPatterns: " + rule + " is not a wasteful pattern;"
                        + " they are " + wasteful);
            }
        }
        Set<String> named = Set.copyOf(Arrays.asList(rules));
        List<Finding> found = actual.wasteful().stream()
                .filter(f -> named.isEmpty() || named.contains(f.rule())).toList();
        return none(found, named.isEmpty() ? "wasteful patterns" : "wasteful patterns " + named);
    }

    /**
     * The client checks found a finding of this rule.
     *
     * @param rule the rule id, one of {@link ClientReport#rules()}
     * @return this, to chain more assertions
     * @throws IllegalArgumentException when {@code rule} is not a rule's id
     */
    public ClientReportAssert hasFinding(String rule) {
        isNotNull();
        if (!ClientReport.rules().containsKey(rule)) {
            throw new IllegalArgumentException("hasFinding: " + rule + " is not a rule of the client checks; they are "
                    + String.join(", ", ClientReport.rules().keySet()));
        }
        if (actual.rule(rule).isEmpty()) {
            throw new ImapAssertionError("Expected the client checks to find " + rule + ", but they found "
                    + (actual.isEmpty() ? "nothing" : actual.stream().map(Finding::rule).distinct()
                    .collect(Collectors.joining(", "))) + ".");
        }
        return this;
    }

    private ClientReportAssert none(List<Finding> found, String what) {
        if (!found.isEmpty()) {
            throw new ImapAssertionError("Expected no " + what + " from the IMAP client, but the server found "
                    + found.size() + ":\n" + found.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
        return this;
    }
}
