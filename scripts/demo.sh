#!/usr/bin/env bash
# `make demo`: the seed bureau, live on this machine. A hub and one agent per branch office
# over loopback; the year 2008 of seeds/ledger-2008.csv recorded through the agents, one
# clerk's command per row; the hub taken down for a quarter of the year while the offices
# keep recording; then the bureau's totals and the December export.
#
# Runs the built programs in $TAIZHANG_BIN_DIR (default .build/release; `make demo` builds
# them first) with the configurations in agents/ and hub/. Its state lives in agents/state
# and hub/state (wiped at the start), its output in demo-output/. With $TAIZHANG_DEMO_DIR
# set, it copies the configurations there and keeps everything under that folder instead
# (the tests do). Every process it starts is stopped when it ends, fails or is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${TAIZHANG_BIN_DIR:-.build/release}
if [[ -n ${TAIZHANG_DEMO_DIR:-} ]]; then
    mkdir -p "$TAIZHANG_DEMO_DIR/agents" "$TAIZHANG_DEMO_DIR/hub"
    cp agents/*.toml "$TAIZHANG_DEMO_DIR/agents/"
    cp hub/hub.toml "$TAIZHANG_DEMO_DIR/hub/"
    AGENTS=$TAIZHANG_DEMO_DIR/agents HUBDIR=$TAIZHANG_DEMO_DIR/hub OUT=$TAIZHANG_DEMO_DIR/demo-output
else
    AGENTS=agents HUBDIR=hub OUT=demo-output
fi
HUB_CONFIG=$HUBDIR/hub.toml
SEEDS=seeds/ledger-2008.csv
OUTAGE_FROM=2008-07-01     # the hub goes down before the first entry of this date…
OUTAGE_UNTIL=2008-10-01    # …and comes back before the first entry of this one
OUTAGE_SECONDS=6           # at least this long, so the agents notice
DEADLINE_SECONDS=90        # for every branch to be complete after the last entry

HUB="$BIN/taizhang-hub"
AGENT="$BIN/taizhang-agent"
STARTED=$(date +%s)
PIDS=()                    # every long-running process this script started
HUB_PID=""

say() { printf '%s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'demo: %s\n' "$*" >&2; exit 1; }

stop_all() {
    local pid alive
    trap - EXIT INT TERM
    ((${#PIDS[@]})) || return 0
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 50); do                      # up to 5 s for a clean stop
        alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.1
    done
    for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    PIDS=()
}
interrupted() { say ""; say "demo: interrupted; stopping everything it started." >&2; stop_all; exit 130; }
trap stop_all EXIT
trap interrupted INT
trap 'stop_all; exit 143' TERM

forget() { # drops a PID from PIDS once that process has been stopped
    local keep=() pid
    for pid in "${PIDS[@]}"; do [[ $pid == "$1" ]] || keep+=("$pid"); done
    PIDS=("${keep[@]+"${keep[@]}"}")
}

# Flattens the pretty-printed JSON our programs print into lines `path=value`
# (e.g. `bureau.board.inService=36`, `0.branch=sanchang`): enough for this script.
flatten() {
    awk '
        function prefix(   p, i) { p = ""; for (i = 2; i <= depth; i++) p = p name[i] "."; return p }
        {
            line = $0; sub(/^[ \t]+/, "", line); sub(/,$/, "", line)
            if (line ~ /^[}\]]/) { depth--; if (depth > 0 && array[depth]) position[depth]++; next }
            keyed = match(line, /^"[^"]*": /)
            if (keyed) { k = substr(line, 2, RLENGTH - 4); rest = substr(line, RLENGTH + 1) }
            else if (depth > 0 && array[depth]) { k = position[depth]; rest = line }
            else { k = ""; rest = line }
            if (rest == "{" || rest == "[") { depth++; name[depth] = k; array[depth] = (rest == "["); position[depth] = 0; next }
            if (!keyed && depth > 0 && array[depth]) position[depth]++
            gsub(/^"|"$/, "", rest)
            print prefix() k "=" rest
        }'
}

field() { sed -n "s/^$1=//p" | head -n1; } # field PATH < flattened

value_of() { # value_of TOML_FILE KEY: a string value from one of our flat .toml files
    sed -n "s/^$2 *= *\"\\(.*\\)\".*/\\1/p" "$1" | head -n1
}

start_hub() { # start_hub ENDPOINT: serve, wait for the ready line, set ENDPOINT and HUB_PID
    local out="$OUT/logs/hub.out"
    : >"$out"
    "$HUB" serve --config "$HUB_CONFIG" --bind "$1" >"$out" 2>>"$OUT/logs/hub.log" &
    HUB_PID=$!
    PIDS+=("$HUB_PID")
    for _ in $(seq 100); do
        if grep -q '^serving on ' "$out"; then
            ENDPOINT=$(sed -n 's/^serving on //p' "$out" | head -n1)
            return 0
        fi
        kill -0 "$HUB_PID" 2>/dev/null || fail "the hub did not start; see $OUT/logs/hub.log"
        sleep 0.1
    done
    fail "the hub did not say 'serving on' within 10 s; see $OUT/logs/hub.log"
}

stop_hub() {
    kill -TERM "$HUB_PID" 2>/dev/null || true
    wait "$HUB_PID" 2>/dev/null || true
    forget "$HUB_PID"
    HUB_PID=""
}

held_total() { # entries the hub holds, summed over branches
    "$HUB" branches --config "$HUB_CONFIG" --json | flatten | awk -F= '/\.heldSeq=/ { n += $2 } END { print n + 0 }'
}

[[ -x $HUB && -x $AGENT ]] || fail "no built programs in $BIN; run 'make demo' (or 'make release') first"

# ---------------------------------------------------------------------------------------
OFFICES=()
for config in "$AGENTS"/*.toml; do OFFICES+=("$(basename "$config" .toml)"); done
((${#OFFICES[@]})) || fail "no office configurations in $AGENTS/"

step "Taizhang demo: the seed bureau (海门工商局, 2008) on this machine"
say "A hub and ${#OFFICES[@]} branch-office agents talk CurveZMQ over loopback; every ledger entry of"
say "the year is typed through 'taizhang-agent', one command per entry, as a clerk would."

rm -rf "$HUBDIR/state" "$AGENTS/state" "$OUT"
mkdir -p "$OUT/logs"

step "The hub"
HUB_KEY=$("$HUB" init --config "$HUB_CONFIG" | tail -n1)
say "taizhang-hub init: database and key pair in $HUBDIR/state (public key $HUB_KEY)"
start_hub "tcp://127.0.0.1:*"
say "taizhang-hub serve: listening on $ENDPOINT (a port the system chose)"

step "The branch offices: init, enrol, start the agent"
declare -A ROWS_OF
for office in "${OFFICES[@]}"; do
    config="$AGENTS/$office.toml"
    name=$(value_of "$config" name)
    key=$("$AGENT" init --config "$config" --hub "$ENDPOINT" --hub-key "$HUB_KEY" | tail -n1)
    "$HUB" enroll --config "$HUB_CONFIG" --branch "$office" --name "$name" --key "$key" >/dev/null
    "$AGENT" run --config "$config" 2>>"$OUT/logs/agent-$office.log" >/dev/null &
    PIDS+=("$!")
    ROWS_OF[$office]=0
    printf '  %-9s agent running (pid %s), ledger in %s  %s\n' "$office" "$!" "$AGENTS/state/$office" "$name"
done

# ---------------------------------------------------------------------------------------
step "The year 2008, entry by entry (${SEEDS})"
record() { # record OFFICE FIELDS…: one row of the seed ledger as the clerk's command
    local office=$1 date=$2 material=$3 action=$4 item=$5 quantity=$6 location=$7 staff=$8
    local channel=$9 reason=${10} batch=${11} standard=${12} voids=${13}
    local args=()
    if [[ $action == void ]]; then
        args=(void --seq "$voids" --reason "$reason")
    else
        args=("$material" "$action")
        case $material in
            board | sign) args+=(--tag "$item") ;;
            badge) args+=(--number "$item") ;;
            card | guide) args+=(--quantity "$quantity") ;;
        esac
        [[ -n $location ]] && args+=(--location "$location")
        [[ -n $staff ]] && args+=(--staff "$staff")
        [[ -n $channel ]] && args+=(--channel "$channel")
        [[ -n $reason ]] && args+=(--reason "$reason")
        [[ -n $batch ]] && args+=(--batch "$batch")
        [[ $standard == no ]] && args+=(--nonstandard)
        args+=(--on "$date")
    fi
    if ! "$AGENT" "${args[@]}" --config "$AGENTS/$office.toml" >/dev/null 2>"$OUT/logs/clerk-command.err"; then
        fail "taizhang-agent ${args[*]} (office $office) was refused: $(cat "$OUT/logs/clerk-command.err")"
    fi
    ROWS_OF[$office]=$((ROWS_OF[$office] + 1))
}

month="" count=0 total=0 outage_started=0 outage_at=""
report_month() {
    [[ -n $month ]] || return 0
    if [[ -n $HUB_PID ]]; then
        printf '  %s  %3d entries recorded   the hub holds %3d of %3d\n' "$month" "$count" "$(held_total)" "$total"
    else
        printf '  %s  %3d entries recorded   (hub down: they wait in the offices'"'"' ledgers)\n' "$month" "$count"
    fi
}
# Rows in date order across offices; a stable sort keeps each office's own order.
while IFS=, read -r office date material action item quantity location staff channel reason batch standard voids; do
    if [[ ${date:0:7} != "$month" ]]; then
        report_month
        month=${date:0:7} count=0
    fi
    if ((outage_started == 0)) && [[ ! $date < $OUTAGE_FROM ]]; then
        ((count == 0)) || { report_month; count=0; }
        stop_hub
        outage_started=1 outage_at=$(date +%s)
        say "  ── the hub goes down (SIGTERM); the offices keep recording offline ──"
    fi
    if ((outage_started == 1)) && [[ ! $date < $OUTAGE_UNTIL ]]; then
        ((count == 0)) || { report_month; count=0; }
        waited=$(($(date +%s) - outage_at))
        ((waited >= OUTAGE_SECONDS)) || sleep $((OUTAGE_SECONDS - waited))
        say "  While the hub was down, each office's ledger kept the entries for it:"
        for o in "${OFFICES[@]}"; do
            status=$("$AGENT" status --config "$AGENTS/$o.toml" --json | flatten)
            printf '    %-9s %3s entries, %3s acknowledged, %3s waiting\n' "$o" \
                "$(field sync.lastSeq <<<"$status")" "$(field sync.ackedSeq <<<"$status")" "$(field sync.pending <<<"$status")"
        done
        start_hub "$ENDPOINT"
        outage_started=2
        say "  ── the hub is back on $ENDPOINT; the agents reconnect and catch up ──"
    fi
    record "$office" "$date" "$material" "$action" "$item" "$quantity" "$location" "$staff" "$channel" "$reason" "$batch" "$standard" "$voids"
    count=$((count + 1)) total=$((total + 1))
done < <(tail -n +2 "$SEEDS" | LC_ALL=C sort -s -t, -k2,2)
report_month

# ---------------------------------------------------------------------------------------
step "Waiting until the hub holds every office's ledger"
deadline=$(($(date +%s) + DEADLINE_SECONDS)) shown=""
while :; do
    branches=$("$HUB" branches --config "$HUB_CONFIG" --json | flatten)
    complete=0
    for o in "${OFFICES[@]}"; do
        index=$(sed -n "s/^\([0-9]*\)\.branch=$o\$/\1/p" <<<"$branches")
        held=$(field "$index.heldSeq" <<<"$branches")
        state=$(field "$index.state" <<<"$branches")
        [[ $held == "${ROWS_OF[$o]}" && $state == current ]] && complete=$((complete + 1))
    done
    ((complete == ${#OFFICES[@]})) && break
    held=$(awk -F= '/\.heldSeq=/ { n += $2 } END { print n + 0 }' <<<"$branches")
    [[ $held == "$shown" ]] || say "  the hub holds $held of $total entries; $complete of ${#OFFICES[@]} offices complete"
    shown=$held
    (($(date +%s) < deadline)) || fail "after ${DEADLINE_SECONDS} s only $complete of ${#OFFICES[@]} offices are complete at the hub; see $OUT/logs/"
    sleep 0.5
done
say "All ${#OFFICES[@]} offices are complete: the hub holds all $total entries."
complete_at=$(date +%s)

step "taizhang-hub branches"
"$HUB" branches --config "$HUB_CONFIG"

step "taizhang-hub totals --by-branch"
"$HUB" totals --config "$HUB_CONFIG" --by-branch

totals=$("$HUB" totals --config "$HUB_CONFIG" --json | flatten)
t() { field "bureau.$1" <<<"$totals"; }
figures="$(t board.inService) boards, $(t badge.active) badges, $(t sign.inService) signs, $(t guide.received) guides received, $(t card.distributed) cards distributed"
say ""
say "Bureau totals: $figures."
if [[ $figures == "36 boards, 216 badges, 14 signs, 9600 guides received, 7380 cards distributed" ]]; then
    say "These are the source document's figures (seeds/README.md): 36 notice boards, 216 badges, 14 signs,"
    say "nearly 10,000 guides printed (9,600 received), 7,000+ service cards handed out (7,380)."
else
    fail "these totals differ from the seed's figures (36 boards, 216 badges, 14 signs, 9600 guides received, 7380 cards distributed)"
fi

# ---------------------------------------------------------------------------------------
step "The consolidated export for 2008-12 (Chinese headers)"
if "$HUB" export --help >/dev/null 2>&1; then
    # The export counts what the hub had stored two seconds before: let that include everything.
    while (($(date +%s) < complete_at + 3)); do sleep 0.2; done
    "$HUB" export --config "$HUB_CONFIG" --month 2008-12 --format csv --lang zh --out "$OUT/taizhang-2008-12.csv"
    "$HUB" export --config "$HUB_CONFIG" --month 2008-12 --format xlsx --lang zh --out "$OUT/taizhang-2008-12.xlsx"
    say "Written to $OUT/: taizhang-2008-12.csv (UTF-8, opens in Excel and WPS) and taizhang-2008-12.xlsx."
    say "The bureau's rows (合计) of the CSV:"
    awk -F, '/^序号,分局名称,/ || /^,合计,/ { print "  " $0 }' "$OUT/taizhang-2008-12.csv"
else
    say "(skipped: this build of taizhang-hub has no 'export' command yet)"
fi

step "Stopping the hub and the ${#OFFICES[@]} agents"
stop_all
say "Done in $(($(date +%s) - STARTED)) s. Logs: $OUT/logs/. Run it again at will: it starts from scratch."
