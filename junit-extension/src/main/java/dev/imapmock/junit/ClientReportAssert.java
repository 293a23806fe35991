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
     * The client showed none of the wasteful patterns named (rule ids such as {@code reselect});
     * with no rule named, none at all.
     *
     * @param rules the rule ids; none for every pattern
     * @return this, to chain more assertions
     */
    public ClientReportAssert hasNoWastefulPatterns(String... rules) {
        isNotNull();
        Set<String> named = Set.copyOf(Arrays.asList(rules));
        List<Finding> found = actual.wasteful().stream()
                .filter(f -> named.isEmpty() || named.contains(f.rule())).toList();
        return none(found, named.isEmpty() ? "wasteful patterns" : "wasteful patterns " + named);
    }

    /**
     * The client checks found a finding of this rule.
     *
     * @param rule the rule id
     * @return this, to chain more assertions
     */
    public ClientReportAssert hasFinding(String rule) {
        isNotNull();
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
