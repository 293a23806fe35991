package dev.imapmock.check;

import dev.imapmock.protocol.Arg;

import java.util.HashSet;
import java.util.Set;

/**
 * Wasteful FETCH patterns, each a round trip per message where one command would do (RFC 3501
 * §6.4.5 takes a set of messages):
 * {@code one-fetch-per-message}, {@link CheckLimits#fetchRun()} (3) or more FETCHes in a row of
 * the same items for consecutive single messages (n, n+1, ...); {@code search-then-fetch-each}, a
 * SEARCH followed by as many or more single-message FETCHes of its results.
 */
final class FetchEachCheck implements ClientCheck {
    private final int run;

    private String runName;
    private String runItems;
    private String runFirst;
    private long runNext;
    private int runLength;

    private String searchLine;
    private boolean searchByUid;
    private Set<Long> searchResults = Set.of();
    private int searchFetches;

    FetchEachCheck(int run) {
        this.run = run;
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c) || c.malformed()) {
            return;
        }
        if (c.is("SEARCH") || c.is("UID SEARCH")) {
            searched(c);
            return;
        }
        boolean fetch = c.is("FETCH") || c.is("UID FETCH");
        long number = fetch && c.args().size() >= 2 && c.args().get(0) instanceof Arg.Atom a ? single(a.text()) : -1;
        if (number < 0) {
            if (fetch) {
                runLength = 0;
            }
            return;
        }
        String set = ((Arg.Atom) c.args().get(0)).text();
        String items = c.line().substring(Math.min(c.line().length(),
                c.line().indexOf(c.name()) + c.name().length() + 1 + set.length()));
        if (runLength > 0 && c.name().equals(runName) && items.equals(runItems) && number == runNext) {
            runLength++;
        } else {
            runName = c.name();
            runItems = items;
            runFirst = number + "";
            runLength = 1;
        }
        runNext = number + 1;
        if (runLength >= run) {
            report.wasteful("one-fetch-per-message", "RFC 3501 §6.4.5", runName + " " + runFirst + items,
                    runLength + " FETCH commands for the consecutive messages " + runFirst + " to " + number
                            + "; one " + runName + " " + runFirst + ":" + number + items + " does it in one round trip",
                    runLength);
        }
        if (searchLine != null && c.is("UID FETCH") == searchByUid && searchResults.contains(number)) {
            searchFetches++;
            if (searchFetches >= run) {
                report.wasteful("search-then-fetch-each", "RFC 3501 §6.4.5", searchLine,
                        "fetched " + searchFetches + " of the " + searchResults.size() + " search results one"
                                + " command each; fetch them with one command for the whole result set",
                        searchFetches);
            }
        }
    }

    private void searched(ClientEvent.Command c) {
        Set<Long> results = new HashSet<>();
        for (String r : c.responses()) {
            if (r.regionMatches(true, 0, "* SEARCH", 0, 8)) {
                for (String n : r.substring(8).trim().split(" ")) {
                    long v = single(n);
                    if (v >= 0) {
                        results.add(v);
                    }
                }
            }
        }
        searchLine = results.size() >= run ? c.line() : null;
        searchByUid = c.is("UID SEARCH");
        searchResults = results;
        searchFetches = 0;
    }

    /** The number a set of one message names ("42"), or -1. */
    private static long single(String set) {
        if (set.isEmpty() || set.length() > 18) {
            return -1;
        }
        for (int i = 0; i < set.length(); i++) {
            if (set.charAt(i) < '0' || set.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(set);
    }
}
