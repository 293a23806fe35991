package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TopHeader#decodedHeaderContains} and {@link TopHeader#addressesContain} match in the bytes
 * where they can; they must answer exactly as the string comparison SEARCH used before them: the
 * decoded, unfolded values (the addresses in their normal form) joined by LF, lowered, then
 * {@code contains}.
 */
class HeaderContainsTest {
    private static final List<String> HEADERS = List.of(
            "Subject: Invoice 42 from ACME\r\n",
            "Subject:   Invoice\r\n\tfrom  ACME\r\n",
            "Subject:\r\n Invoice\r\n",
            "Subject: =?utf-8?q?Rechnung_f=C3=BCr?= ACME\r\n",
            "Subject: Grüße aus Köln\r\n",
            "Subject: first\r\nX-Other: Invoice\r\nsubject : second Invoice\r\n",
            "SUBJECT: KELVIN kilo\r\n",
            "Subject:\r\n",
            "X-Other: no subject here\r\n",
            "Subject: a=?b c=?\r\n",
            "Subject: tab\tinside\r\n",
            "Subject: bare lf\n folded\n",
            "Subject: \r\n");
    private static final List<String> NEEDLES = List.of("invoice", "INVOICE", "", " ", "invoice from", "Invoice\tfrom",
            "invoice\r\n", "für", "fur", "köln", "KÖLN", "first\nsecond", "\u212Aelvin", "kelvin", "i\u0307", "acme ",
            "  invoice", "e 42 f", "a=?b", "tab\ti", "lf folded", "lf\n folded", "second", "no");

    @Test
    void answersAsTheDecodedStringComparisonForEveryHeaderAndNeedle() {
        for (String header : HEADERS) {
            MimeIndex index = MimeIndex.parse((header + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
            for (String field : List.of("subject", "Subject", "x-other", "cc")) {
                for (String needle : NEEDLES) {
                    String value = index.decodedHeader(field);
                    boolean expected = value != null
                            && value.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
                    assertThat(index.topHeader().decodedHeaderContains(field, needle))
                            .as("%s in %s of %s", needle, field, header)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static final List<String> ADDRESS_FIELDS = List.of(
            "From: Joe Public <joe@example.com>",
            "From: \"Joe Q. Public\" <john.q.public@example.com>",
            "From: john @ example . com",
            "From: jo(comment)hn@example.com",
            "From: \"jo\\hn\"@example.com",
            "From: John Doe john@example.com",
            "From: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>",
            "From: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
            "From: Undisclosed recipients:;",
            "From: <@route1,@route2:joe@example.com>",
            "From: <@route joe@example.com>",
            "From: joe",
            "From: <joe>",
            "From: \"Joe\"",
            "From: joe@",
            "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
            "From: first . \"last\" @example.com",
            "From: =?utf-8?q?J=C3=B6rg?= <joerg@example.de>",
            "From: Jörg <joerg@example.de>",
            "From:   folded\r\n  name <fold@example.com>",
            "From: \"\" <empty@example.com>",
            "From: x@[1.2.3.4]",
            "From: missing_domain@example.com",
            "From: ,,, joe@example.com ,,",
            "From: a@b.c\r\nFrom: second@d.e",
            "From: Ed Jones <c@a.test>, John Doe john@example.com (Jr)");

    @Test
    void addressSearchAnswersAsTheNormalFormForEveryValueAndNeedle() {
        for (String field : ADDRESS_FIELDS) {
            MimeIndex index = MimeIndex.parse((field + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
            TopHeader header = index.topHeader();
            String normal = header.decodedAddresses("from");
            java.util.Set<String> needles = new java.util.TreeSet<>(List.of("", "joe", "JOE", "example", "missing",
                    "domain", "mailbox", "syntax", "error", "invalid", "route", "nobody", "com", "johndoe", "doejohn",
                    "johnq", "john", "jo hn", "j\u00f6rg", "\u212A", "firstlast", "firstdotlast", "route1route2"));
            if (normal != null) {
                String lower = normal.toLowerCase(java.util.Locale.ROOT);
                for (int i = 0; i < lower.length(); i++) {
                    for (int j = i + 1; j <= Math.min(lower.length(), i + 8); j++) {
                        needles.add(lower.substring(i, j));
                    }
                }
            }
            for (String needle : needles) {
                boolean expected = normal != null
                        && normal.toLowerCase(java.util.Locale.ROOT).contains(needle.toLowerCase(java.util.Locale.ROOT));
                assertThat(header.addressesContain("From", needle)).as("%s in %s (normal form %s)", needle, field, normal)
                        .isEqualTo(expected);
            }
            assertThat(header.addressesContain("To", "joe")).isFalse();
        }
    }

    @Test
    void theHeaderAloneGivesTheFieldTableAndTheValuesOfTheWholeParse() throws java.io.IOException {
        List<byte[]> messages = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/test/resources/mime"))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.sorted()::iterator) {
                messages.add(java.nio.file.Files.readAllBytes(file));
            }
        }
        for (String raw : List.of("", "\r\n", "\n\nbody", "Subject: x", "Subject: x\r\n", "Subject: x\r\n folded\r\n\r\n",
                "Subject: x\nFrom: y\n\nbody\n", " leading fold\r\nSubject: x\r\n\r\n", "no colon\r\n\r\n", "Subject: x\r")) {
            messages.add(raw.getBytes(StandardCharsets.ISO_8859_1));
        }
        assertThat(messages).hasSizeGreaterThan(20);
        for (byte[] m : messages) {
            String what = new String(m, StandardCharsets.ISO_8859_1);
            MimeIndex index = MimeIndex.parse(m);
            assertThat(TopHeader.scan(m).fields()).as(what).containsExactly(index.root().fields());
            // Both headers keep a copy of the header block only; they read it as the whole message reads.
            for (TopHeader header : List.of(TopHeader.scan(m), index.topHeader())) {
                for (String field : List.of("subject", "from", "to", "date", "message-id", "references", "content-type",
                        "x-other", "no colon")) {
                    assertThat(header.value(field)).as("%s of %s", field, what).isEqualTo(index.root().headerValue(field));
                    assertThat(header.decodedHeader(field)).as("%s of %s", field, what)
                            .isEqualTo(TopHeader.scan(m).decodedHeader(field));
                }
                assertThat(header.envelope()).as(what).isEqualTo(index.envelope());
                assertThat(header.threadRoot()).as(what).isEqualTo(TopHeader.scan(m).threadRoot());
            }
        }
    }

    @Test
    void findsAValueSplitByFoldingAndMissesWhatIsNotThere() {
        MimeIndex index = MimeIndex.parse("Subject: Invoice\r\n from ACME\r\n\r\nInvoice body\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(index.topHeader().decodedHeaderContains("subject", "invoice from acme")).isTrue();
        assertThat(index.topHeader().decodedHeaderContains("subject", "body")).isFalse();
        assertThat(index.topHeader().decodedHeaderContains("from", "")).isFalse();
    }
}
