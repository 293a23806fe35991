# Yahoo Mail (imap.mail.yahoo.com:993): greeting and CAPABILITY lists from a verbose mailsync log of
# a Yahoo account (September 2026), as quoted in a public IMAP client test harness; the same greeting
# and UIDONLY, OBJECTID, PARTIAL and APPENDLIMIT=41697280 appear in a second client's provider notes,
# and the list without UIDONLY in zone-eu/wildduck pull request 943 (December 2025). Yahoo offers
# UIDONLY (RFC 9586) and documents it for its large mailboxes. Not emulated, left out:
# XYMHIGHESTMODSEQ, X-MSG-EXT, X-UIDONLY, MESSAGELIMIT=1000 (after login), X-ALL-MAIL. The greeting
# has no CAPABILITY code, so clients ask.
name yahoo
greeting Welcome! IMAP Server up and ready to accept your request
capabilities-before IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE UIDONLY LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL APPENDLIMIT=41697280
capabilities-after IMAP4rev1 ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE UIDONLY LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL APPENDLIMIT=41697280
# Yahoo's folder names: spam is "Bulk", drafts "Draft".
folder Archive \Archive
folder Bulk \Junk
folder Draft \Drafts
folder Sent \Sent
folder Trash \Trash
