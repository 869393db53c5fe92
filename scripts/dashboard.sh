#!/usr/bin/env bash
# `make dashboard`: the seed bureau of `make demo` (scripts/demo.sh), then its hub and the
# operator's dashboard left running on loopback until Ctrl-C. Prints the address and a demo
# operator's login. Bind elsewhere with DASHBOARD_BIND=HOST:PORT (a non-loopback address
# needs --tls-cert/--tls-key: run taizhang-hub web yourself for that).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${TAIZHANG_BIN_DIR:-.build/release}
BIND=${DASHBOARD_BIND:-127.0.0.1:8447}
HUB="$BIN/taizhang-hub"
CONFIG=hub/hub.toml
LOGIN=demo
PASSWORD=taizhang-demo-2008

bash scripts/demo.sh

PIDS=()
stop_all() {
    trap - EXIT INT TERM
    local pid
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'printf "\ndashboard: stopping the hub and the dashboard.\n"; stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

"$HUB" operator remove --login "$LOGIN" --config "$CONFIG" >/dev/null 2>&1 || true
printf '%s\n' "$PASSWORD" | "$HUB" operator add --login "$LOGIN" --role viewer --password-stdin --config "$CONFIG" >/dev/null

mkdir -p demo-output/logs
"$HUB" serve --config "$CONFIG" --bind 'tcp://127.0.0.1:*' >demo-output/logs/dashboard-hub.out 2>>demo-output/logs/dashboard-hub.log &
PIDS+=("$!")
"$HUB" web --config "$CONFIG" --bind "$BIND" >demo-output/logs/web.out 2>>demo-output/logs/web.log &
WEB_PID=$!
PIDS+=("$WEB_PID")
for _ in $(seq 100); do
    grep -q '^taizhang-hub web: serving ' demo-output/logs/web.out && break
    kill -0 "$WEB_PID" 2>/dev/null || { cat demo-output/logs/web.log >&2; exit 1; }
    sleep 0.1
done
ADDRESS=$(sed -n 's/^taizhang-hub web: serving \([^ ]*\).*/\1/p' demo-output/logs/web.out | head -n1)
[[ -n $ADDRESS ]] || { echo "dashboard: the web did not start; see demo-output/logs/web.log" >&2; exit 1; }

printf '\n== The dashboard\n'
printf 'Open %s in a browser (English: %s?lang=en).\n' "$ADDRESS" "$ADDRESS"
printf 'Log in as %s with the password %s (a viewer, made for this demo).\n' "$LOGIN" "$PASSWORD"
printf 'The hub and the dashboard keep running until Ctrl-C.\n'
wait "$WEB_PID"
