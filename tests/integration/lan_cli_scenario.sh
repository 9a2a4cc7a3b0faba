#!/bin/sh
# Run inside a private network namespace by test_lan_discovery.py: `haven serve --lan on`
# on one device, `haven sync` (no --peer: look on the LAN) on its linked twin.
set -eu
A="$1"; B="$2"; HAVEN="$3"
export HAVEN_LAN_ADDRESS=127.0.0.1
$HAVEN --data-dir "$A" serve --host 127.0.0.1 --lan on > "$A.serve.out" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
i=0
until grep -q "announcing" "$A.serve.out" 2>/dev/null; do
  i=$((i+1)); [ $i -gt 200 ] && { cat "$A.serve.out"; exit 3; }
  sleep 0.1
done
$HAVEN --data-dir "$B" sync --lan-wait 10
