# The ImapMock sandbox: IMAP on 1143, the web UI and admin API on 8080.
#   docker build -t imapmock-sandbox .
#   docker run --rm -p 1143:1143 -p 8080:8080 imapmock-sandbox
# Inside a container the listeners must bind 0.0.0.0 to be reachable through -p, and the admin API
# refuses a non-loopback address without a token: pass one with ADMIN_TOKEN (docker run -e ADMIN_TOKEN=...).
# This file was written without a container engine at hand and has not been built; see docs/sandbox.md.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl sandbox -am package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/sandbox/target/imapmock-sandbox-*-standalone.jar /app/imapmock-sandbox.jar
ENV ADMIN_TOKEN=change-me
EXPOSE 1143 8080
USER 65534
ENTRYPOINT ["sh", "-c", "exec java -jar /app/imapmock-sandbox.jar --host 0.0.0.0 --port 1143 --admin-host 0.0.0.0 --admin-port 8080 --admin-token \"$ADMIN_TOKEN\" \"$@\"", "--"]
