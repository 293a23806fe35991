package dev.imapmock.sasl;

/** SCRAM-SHA-256 (RFC 7677) and, with channel binding, SCRAM-SHA-256-PLUS. */
final class ScramSha256 extends Scram {
    static final Hash SHA_256 = new Hash("SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 256);

    ScramSha256(boolean plus) {
        super(SHA_256, plus);
    }
}
