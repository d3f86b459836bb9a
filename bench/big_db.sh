#!/usr/bin/env bash
# The GET /api/v1/accounts/{id} benchmark on a large database: 1,000,000 accounts and 10,000,000 interactions
# (plus 1,000,000 contacts), made once by `lore demo` and kept in bench/out/big.db. Reports the same ratio as
# api_get.sh and the server's resident memory after the load (target <= 150 MB).
source "$(dirname "$0")/lib.sh"
DB="${1:-$OUT/big.db}"
ACCOUNTS="${ACCOUNTS:-1000000}"
INTERACTIONS="${INTERACTIONS:-10000000}"
[ -x "$LORE" ] || build_release
if [ ! -f "$DB" ] && [[ "$DB" != postgres* ]] || [ "${REBUILD:-0}" = 1 ]; then
    rm -f "$DB" "$DB"-*
    echo "generating $ACCOUNTS accounts and $INTERACTIONS interactions into $DB ..."
    /usr/bin/time -v "$LORE" demo --database "$DB" --accounts "$ACCOUNTS" --contacts-per-account 1 \
        --interactions "$INTERACTIONS" --order-lines 0 2> "$OUT/big-generate-time.txt" | tail -n 3
    grep -E "Elapsed|Maximum resident" "$OUT/big-generate-time.txt"
fi
PORT=18082 MAX_ID="$ACCOUNTS" "$(dirname "$0")/api_get.sh" "$DB"
