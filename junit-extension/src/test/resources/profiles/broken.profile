name broken
capabilities-before IMAP4rev1 X-FANCY
capabilities-after IMAP4rev1
