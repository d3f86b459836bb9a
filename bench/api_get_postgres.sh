#!/usr/bin/env bash
# api_get.sh on PostgreSQL: a fresh database with the demo company, served by one `lore serve`.
# Usage: bench/api_get_postgres.sh [ADMIN_URL]   (default: the test cluster scripts/start-postgres.sh starts)
source "$(dirname "$0")/lib.sh"
ADMIN_URL="${1:-$("$ROOT/scripts/start-postgres.sh" 54329 | tail -n 1)}"
[ -x "$LORE" ] || build_release
psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS lore_bench" -c "CREATE DATABASE lore_bench"
DB_URL="${ADMIN_URL%/*}/lore_bench"
"$LORE" demo --database "$DB_URL" >/dev/null
PORT=18083 "$(dirname "$0")/api_get.sh" "$DB_URL"
