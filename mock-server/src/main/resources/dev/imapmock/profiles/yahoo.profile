# Yahoo Mail (imap.mail.yahoo.com:993), as its CAPABILITY was quoted in December 2025
# (zone-eu/wildduck pull request 943), with UIDONLY (RFC 9586), which Yahoo offers and documents
# for its large mailboxes; ImapMock lists it after PARTIAL. Not emulated, left out:
# XYMHIGHESTMODSEQ, X-MSG-EXT, X-UIDONLY, X-ALL-MAIL. Yahoo sends the same list after login
# (without AUTH=).
name yahoo
greeting {capability} IMAP4rev1 Hello
capabilities-before IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL UIDONLY APPENDLIMIT=41697280
capabilities-after IMAP4rev1 SASL-IR ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL UIDONLY APPENDLIMIT=41697280
# Yahoo's folder names: spam is "Bulk", drafts "Draft".
folder Archive \Archive
folder Bulk \Junk
folder Draft \Drafts
folder Sent \Sent
folder Trash \Trash
