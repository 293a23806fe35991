package dev.imapmock.sasl;

/** SCRAM-SHA-1 (RFC 5802) and, with channel binding, SCRAM-SHA-1-PLUS. */
final class ScramSha1 extends Scram {
    static final Hash SHA_1 = new Hash("SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 160);

    ScramSha1(boolean plus) {
        super(SHA_1, plus);
    }
}
