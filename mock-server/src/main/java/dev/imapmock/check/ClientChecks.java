package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.journal.Journal;

import java.util.Objects;
import java.util.Set;

/**
 * The client checks of one server: opens the checks of each connection and sends their findings
 * to the server's journal, where {@code clientReport()} reads them. Thread-safe.
 */
public final class ClientChecks {
    private final Journal journal;
    private final Set<Extension> offered;
    private final CheckLimits limits;
    private final SharedState shared;

    /**
     * The checks of one server with the default thresholds, reporting to {@code journal}.
     *
     * @param journal where findings go
     * @param offered the extensions the server offers
     */
    public ClientChecks(Journal journal, Set<Extension> offered) {
        this(journal, offered, CheckLimits.DEFAULTS);
    }

    /**
     * The checks of one server, reporting to {@code journal}.
     *
     * @param journal where findings go
     * @param offered the extensions the server offers
     * @param limits  the thresholds of the checks that have one
     * @throws NullPointerException when {@code limits} is null
     */
    public ClientChecks(Journal journal, Set<Extension> offered, CheckLimits limits) {
        this.journal = journal;
        this.offered = Set.copyOf(offered);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.shared = new SharedState(journal);
    }

    /**
     * The checks of a new connection, to be fed from its thread only.
     *
     * @param connection the connection's number
     * @return its checks
     */
    public ConnectionChecks open(int connection) {
        return new ConnectionChecks(connection, Checks.forConnection(offered, limits, shared), journal);
    }

    /**
     * Forgets the patterns that span connections now; {@code journal.clear()} does so too, with
     * the findings.
     */
    public void clear() {
        shared.clear();
    }
}
