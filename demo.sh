#!/usr/bin/env sh
# Starts the ImapMock sandbox with demo data: IMAP on 127.0.0.1:1143 (user demo, password demo), SMTP
# on 127.0.0.1:2525 and the web UI and admin API on http://127.0.0.1:8080/, building the sandbox jar
# first when it is missing or older than the sources. Extra arguments go to the sandbox, e.g.
#   ./demo.sh --port 0 --admin-port 0 --user alice:secret
set -e
cd "$(dirname "$0")"
jar=sandbox/target/imapmock-sandbox-0.1.0-SNAPSHOT-standalone.jar
if [ ! -f "$jar" ] || [ -n "$(find mock-server/src mock-server/pom.xml sandbox/src sandbox/pom.xml pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  mvn -B -q -Dstyle.color=never -pl sandbox -am package -DskipTests >&2
fi
case " $* " in
  *" --admin-port "*) ;;
  *) set -- --admin-port 8080 "$@" ;;
esac
case " $* " in
  *" --smtp-port "*) ;;
  *) set -- --smtp-port 2525 "$@" ;;
esac
exec java -jar "$jar" "$@"
