package dev.imapmock.check;

import dev.imapmock.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code literal-before-continuation} (RFC 3501 §7.5: a client sends a synchronizing literal's
 * octets only after the server's {@code +}), {@code nonsync-literal-not-offered} ({@code {n+}}
 * without LITERAL+ or LITERAL-, RFC 7888 §3) and {@code nonsync-literal-too-big} ({@code {n+}}
 * over 4096 octets under LITERAL-, RFC 7888 §4). A literal is seen before its command is complete,
 * so what it shows is reported with the command.
 */
final class LiteralCheck implements ClientCheck {
    private static final long LITERAL_MINUS_MAX = 4096;

    private final Set<Extension> offered;
    private final List<String[]> pending = new ArrayList<>(1);

    LiteralCheck(Set<Extension> offered) {
        this.offered = offered;
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (event instanceof ClientEvent.Literal l && !l.synchronizing() && !offered.contains(Extension.LITERAL_PLUS)) {
            if (!offered.contains(Extension.LITERAL_MINUS)) {
                pending.add(new String[] {"nonsync-literal-not-offered", "RFC 7888 §3",
                    "sent a non-synchronizing literal {" + l.size() + "+} but the server offers neither LITERAL+"
                        + " nor LITERAL-; send {" + l.size() + "} and wait for '+'"});
            } else if (l.size() > LITERAL_MINUS_MAX) {
                pending.add(new String[] {"nonsync-literal-too-big", "RFC 7888 §4",
                    "sent a non-synchronizing literal of " + l.size() + " octets under LITERAL-, which takes {n+}"
                        + " up to 4096 octets; send a larger one as {n} and wait for '+'"});
            }
        } else if (event instanceof ClientEvent.Continuation c && c.dataWaiting()) {
            pending.add(new String[] {"literal-before-continuation", "RFC 3501 §7.5",
                "sent a synchronizing literal's data before the server's '+' continuation; wait for '+'"
                    + " (or use {n+} where LITERAL+ is offered)"});
        } else if (event instanceof ClientEvent.Command command) {
            for (String[] p : pending) {
                report.violation(p[0], p[1], command.line(), p[2]);
            }
            pending.clear();
        }
    }
}
