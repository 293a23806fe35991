#!/usr/bin/env sh
# Starts the ImapMock demo server on 127.0.0.1:1143 (user demo, password demo), building the
# standalone jar first when it is missing or older than the sources. Extra arguments go to the
# server, e.g. ./demo.sh --port 0 --user alice:secret
set -e
cd "$(dirname "$0")"
jar=mock-server/target/imapmock-server-0.1.0-SNAPSHOT-standalone.jar
if [ ! -f "$jar" ] || [ -n "$(find mock-server/src mock-server/pom.xml pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  mvn -B -q -Dstyle.color=never -pl mock-server -am package -DskipTests >&2
fi
exec java -jar "$jar" "$@"
