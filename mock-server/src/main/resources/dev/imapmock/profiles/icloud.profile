# iCloud Mail (imap.mail.me.com:993), as its greeting and CAPABILITY were quoted in
# nextcloud/mail issue 3401 and jstedfast/MailKit issue 295; URLAUTH and METADATA in the places
# that transcript gives them. Not emulated, left out:
# XAPPLEPUSHSERVICE, IMAP4, AUTH=ATOKEN, ACL, RIGHTS=, LANGUAGE, XMSEARCH,
# X-SUN-SORT, ANNOTATE-EXPERIMENT-1, X-UNAUTHENTICATE, X-SUN-IMAP, XUM1, MULTISEARCH, and
# LIST-STATUS (iCloud offers it without LIST-EXTENDED, which ImapMock's LIST-STATUS needs).
# iCloud offers no SPECIAL-USE: its folders show no uses in LIST.
name icloud
greeting {capability} (2109B29-d3afe4d5aba6) pv33p00im-iscream021.me.com
capabilities-before IMAP4rev1 SASL-IR AUTH=PLAIN
capabilities-after IMAP4rev1 CONDSTORE ENABLE QRESYNC QUOTA NAMESPACE UIDPLUS CHILDREN BINARY UNSELECT SORT CATENATE URLAUTH ESEARCH ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONTEXT=SEARCH CONTEXT=SORT WITHIN SASL-IR SEARCHRES METADATA ID IDLE
folder Archive \Archive
folder Deleted Messages \Trash
folder Drafts \Drafts
folder Junk \Junk
folder Sent Messages \Sent
