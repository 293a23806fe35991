package dev.imapmock.sasl;

/**
 * What XOAUTH2 and OAUTHBEARER share: one client message carrying {@code auth=Bearer TOKEN}, and
 * on a bad token an error challenge that the client must answer (empty for XOAUTH2, {@code %x01}
 * for OAUTHBEARER) before the command fails. Whatever the client answers, it fails.
 */
abstract class BearerExchange implements Exchange {
    private final Credentials credentials;
    private Step.Failure pending;

    BearerExchange(Credentials credentials) {
        this.credentials = credentials;
    }

    /** The outcome of the client's one message. */
    abstract Step parse(byte[] message);

    /** The error challenge sent before a failure. */
    abstract byte[] error();

    @Override
    public Step start(byte[] initial) {
        return initial == null ? new Step.Challenge(new byte[0]) : next(initial);
    }

    @Override
    public Step next(byte[] response) {
        if (pending != null) {
            return pending;
        }
        return parse(response);
    }

    /** Checks {@code auth} ({@code Bearer TOKEN}) for {@code user} (null: whoever owns the token). */
    Step verify(String user, String auth) {
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return fail(new Step.Failure("AUTHENTICATIONFAILED", "Invalid SASL argument."), null);
        }
        Credentials.TokenCheck check = credentials.token(user, auth.substring(7));
        return switch (check.verdict()) {
            case VALID -> new Step.Success(check.user(), check.label());
            case EXPIRED -> fail(new Step.Failure("EXPIRED", "Invalid credentials (Failure): the token has expired"),
                    check.label());
            case REVOKED -> fail(Step.failed(), check.label());
            case UNKNOWN -> fail(Step.failed(), null);
        };
    }

    private Step fail(Step.Failure failure, String label) {
        pending = new Step.Failure(failure.code(), failure.text(), label);
        return new Step.Challenge(error());
    }
}
