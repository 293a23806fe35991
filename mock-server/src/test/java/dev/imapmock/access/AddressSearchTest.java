package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SEARCH FROM, TO, CC and BCC against addresses written with comments, obsolete syntax, quoted
 * local parts and encoded words. These keys match the addresses in one normal form
 * ({@code Name <mailbox@host>}, comments and CFWS gone, encoded words decoded), HEADER matches
 * the field as written. Every expected answer is the one Dovecot 2.3.19.1 gave for the same
 * messages, except where a test says otherwise.
 */
@Timeout(20)
class AddressSearchTest {
    private static final String[] MESSAGES = {
            "From: <user-from (comment)@ (comment) domain.org>\n"
                    + "To: Team (the team): Ann <ann (x)@ example.net>, bob@example.net;\n",
            "From: user-from (Comment Name) @ domain.org\n",
            "From: \"user-from\"@domain.org\n"
                    + "Cc: \"quoted\\\"local\"@example.com, \"Smith, J.\" <j.smith@example.com>\n",
            "From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>\n"
                    + "Bcc: =?iso-8859-1?q?Andr=E9?= (work) <andre@example.fr>\n",
            "From: Mary Smith <@relay.example, ,@other (x).example:mary@example.net>\n"
                    + "To: a@example.org, , b@example.org\n",
            "From: John Doe <jdoe@machine(comment).  example>\nTo: undisclosed-recipients:;\n",
            "From: (start) first (c) . last @ (host) example . com\n",
            "From: user @ [192.0.2.1] (lab)\n",
            "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>\n",
            "From: \"Joe Q. Public\" <john.q.public@example.com>\n",
    };

    private static ImapMockServer server;
    private RawClient c;

    @BeforeAll
    static void start() {
        server = Wire.emptyServer();
        for (String headers : MESSAGES) {
            server.deliver("alice", "INBOX", Wire.message(headers + "Subject: s\n\nbody\n"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        c = Wire.selected(server, "EXAMINE INBOX");
    }

    @AfterEach
    void disconnect() {
        c.close();
    }

    @Test
    void fromFindsTheAddressWhateverCommentsAndSpacesSurroundIt() {
        c.play("""
                C: a1 SEARCH FROM user-from@domain.org
                S: * SEARCH 1 2 3
                S: a1 OK Search completed.
                C: a2 SEARCH FROM "user-from"
                S: * SEARCH 1 2 3
                S: a2 OK Search completed.
                C: a3 SEARCH FROM domain.org
                S: * SEARCH 1 2 3
                S: a3 OK Search completed.
                C: a4 SEARCH FROM "<user-from@domain.org>"
                S: * SEARCH 1 2 3
                S: a4 OK Search completed.
                C: a5 SEARCH FROM jdoe@machine.example
                S: * SEARCH 6
                S: a5 OK Search completed.
                C: a6 SEARCH FROM pete@silly.test
                S: * SEARCH 9
                S: a6 OK Search completed.
                C: a7 SEARCH FROM "Pete <pete@silly.test>"
                S: * SEARCH 9
                S: a7 OK Search completed.
                """);
    }

    @Test
    void aCommentMatchesOnlyWhereItStandsInForTheName() {
        c.play("""
                # message 2 has no other name; the comments of 1, 6 and 9 are dropped
                C: b1 SEARCH FROM comment
                S: * SEARCH 2
                S: b1 OK Search completed.
                C: b2 SEARCH FROM "(comment)"
                S: * SEARCH
                S: b2 OK Search completed.
                C: b3 SEARCH FROM "his account"
                S: * SEARCH
                S: b3 OK Search completed.
                C: b4 SEARCH FROM nice
                S: * SEARCH
                S: b4 OK Search completed.
                C: b5 SEARCH BCC work
                S: * SEARCH
                S: b5 OK Search completed.
                """);
    }

    @Test
    void toCcAndBccFindMembersOfGroupsAndOfListsWithEmptyMembers() {
        c.play("""
                C: c1 SEARCH TO ann@example.net
                S: * SEARCH 1
                S: c1 OK Search completed.
                C: c2 SEARCH TO team
                S: * SEARCH 1
                S: c2 OK Search completed.
                C: c3 SEARCH TO "Team: Ann <ann@example.net>, <bob@example.net>;"
                S: * SEARCH 1
                S: c3 OK Search completed.
                C: c4 SEARCH TO b@example.org
                S: * SEARCH 5
                S: c4 OK Search completed.
                C: c5 SEARCH TO "undisclosed-recipients:;"
                S: * SEARCH 6
                S: c5 OK Search completed.
                C: c6 SEARCH CC j.smith@example.com
                S: * SEARCH 3
                S: c6 OK Search completed.
                C: c7 SEARCH CC "smith, j."
                S: * SEARCH 3
                S: c7 OK Search completed.
                C: c8 SEARCH OR FROM user-from@domain.org TO bob@example.net
                S: * SEARCH 1 2 3
                S: c8 OK Search completed.
                C: c9 SEARCH NOT FROM domain.org
                S: * SEARCH 4 5 6 7 8 9 10
                S: c9 OK Search completed.
                """);
    }

    @Test
    void quotedNamesAndLocalPartsMatchAsQuotedInTheNormalForm() {
        c.play("""
                C: d1 SEARCH FROM "Joe Q. Public"
                S: * SEARCH 10
                S: d1 OK Search completed.
                C: d2 SEARCH FROM "Public\\" <john"
                S: * SEARCH 10
                S: d2 OK Search completed.
                C: d3 SEARCH FROM "Public <john"
                S: * SEARCH
                S: d3 OK Search completed.
                C: d4 SEARCH CC "local\\"@example.com"
                S: * SEARCH 3
                S: d4 OK Search completed.
                C: d5 SEARCH CC "quoted\\"local@example.com"
                S: * SEARCH
                S: d5 OK Search completed.
                C: d6 SEARCH CC "<\\"quoted\\\\\\"local\\"@example.com>"
                S: * SEARCH 3
                S: d6 OK Search completed.
                """);
    }

    @Test
    void encodedWordNamesAreMatchedDecoded() {
        c.play("""
                C: e1 SEARCH CHARSET UTF-8 FROM "Jürgen Müller"
                S: * SEARCH 4
                S: e1 OK Search completed.
                C: e2 SEARCH CHARSET UTF-8 FROM "müller <juergen@example.de>"
                S: * SEARCH 4
                S: e2 OK Search completed.
                C: e3 SEARCH FROM "=?utf-8"
                S: * SEARCH
                S: e3 OK Search completed.
                C: e4 SEARCH CHARSET UTF-8 BCC "André <andre@example.fr>"
                S: * SEARCH 4
                S: e4 OK Search completed.
                """);
    }

    @Test
    void routesAndDomainLiteralsAreMatched() {
        c.play("""
                C: f1 SEARCH FROM mary@example.net
                S: * SEARCH 5
                S: f1 OK Search completed.
                C: f2 SEARCH FROM "<@relay.example,@other.example:mary@example.net>"
                S: * SEARCH 5
                S: f2 OK Search completed.
                C: f3 SEARCH FROM user@[192.0.2.1]
                S: * SEARCH 8
                S: f3 OK Search completed.
                C: f4 SEARCH FROM "lab <user@[192.0.2.1]>"
                S: * SEARCH 8
                S: f4 OK Search completed.
                """);
    }

    @Test
    void headerSearchesTheFieldAsWritten() {
        c.play("""
                C: g1 SEARCH HEADER FROM "(comment)"
                S: * SEARCH 1 6
                S: g1 OK Search completed.
                C: g2 SEARCH HEADER FROM user-from@domain.org
                S: * SEARCH
                S: g2 OK Search completed.
                """);
    }

    @Test
    void anObsoleteLocalPartWithSpacesAroundItsDotsIsFoundByItsAddress() {
        // RFC 5322 §4.4 obs-local-part. Dovecot 2.3.19.1 does not read "first (c) . last" as a local
        // part and answers "* SEARCH" here; see AddressEnvelopeTest and docs/compliance.md.
        c.play("""
                C: h1 SEARCH FROM first.last@example.com
                S: * SEARCH 7
                S: h1 OK Search completed.
                """);
    }
}
