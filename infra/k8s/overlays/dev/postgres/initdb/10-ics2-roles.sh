#!/bin/sh
# Runs once, when the postgres image initialises an empty data folder (/docker-entrypoint-initdb.d): creates the
# application group role and the services' login, as CloudNativePG's managed roles do in the prod overlay. The
# event-store migrations then grant ics2_app what it may do (SELECT and INSERT on events, never UPDATE or DELETE).
# Used by the Kubernetes dev overlay (ConfigMap postgres-initdb) and by docker/compose.yaml.
set -eu
: "${ICS2_SERVICE_PASSWORD:?ICS2_SERVICE_PASSWORD must be set (the ics2_service login password)}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set=password="$ICS2_SERVICE_PASSWORD" <<'SQL'
CREATE ROLE ics2_app NOLOGIN;
CREATE ROLE ics2_service LOGIN IN ROLE ics2_app;
ALTER ROLE ics2_service PASSWORD :'password';
SQL
