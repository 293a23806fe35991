name acme
greeting Acme IMAP ready
capabilities-before IMAP4rev1 AUTH=PLAIN
capabilities-after IMAP4rev1 MOVE
folder Sent Stuff \Sent
