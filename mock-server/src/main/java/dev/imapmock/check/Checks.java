package dev.imapmock.check;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Set;

/**
 * The one table of client checks: every connection gets a fresh instance of each, with the
 * server's {@link CheckLimits}.
 */
final class Checks {
    private Checks() {
    }

    static List<ClientCheck> forConnection(Set<Extension> offered, CheckLimits limits, SharedState shared) {
        return List.of(
                new LiteralCheck(offered),
                new StateCheck(),
                new IdleCheck(limits.idleLimit()),
                new MailboxNameCheck(),
                new LineLengthCheck(limits.maxLineOctets()),
                new PipelineCheck(),
                new TlsCheck(offered),
                new EnableCheck(),
                new LogoutCheck(),
                new ReselectCheck(),
                new FetchEachCheck(limits.fetchRun()),
                new PollingCheck(offered, limits),
                new ResyncCheck(offered, limits.fullSyncs(), shared),
                new FullBodyCheck());
    }
}
