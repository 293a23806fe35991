package dev.imapmock.check;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Set;

/** The one table of client checks: every connection gets a fresh instance of each. */
final class Checks {
    private Checks() {
    }

    static List<ClientCheck> forConnection(Set<Extension> offered, SharedState shared) {
        return List.of(
                new LiteralCheck(offered),
                new StateCheck(),
                new IdleCheck(),
                new MailboxNameCheck(),
                new LineLengthCheck(),
                new PipelineCheck(),
                new TlsCheck(offered),
                new EnableCheck(),
                new LogoutCheck(),
                new ReselectCheck(),
                new FetchEachCheck(),
                new PollingCheck(offered),
                new ResyncCheck(offered, shared));
    }
}
