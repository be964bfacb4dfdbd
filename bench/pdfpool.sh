#!/usr/bin/env bash
# bench/pdfpool.sh: Basis printing on remote browsers, side by side in one
# run: the floor on one endpoint, Basis on that one endpoint, and Basis on a
# pool of two, printed as a markdown table (also appended to
# $WORK/results.md when APPEND=1, as bench/run.sh does).
#
#   bench/pdfpool.sh                  # PDFs of N_PDF=4 companies (52 documents)
#   N_PDF=8 RUNS=3 bench/pdfpool.sh
#
# The endpoints are two Chromium processes started here with
# --remote-debugging-port, as a browser service runs them, with the flags
# Basis gives its own browser. They start before the timing: each row is
# timed from the connection to the last PDF.
#   floor: bench/pdffloor -endpoint on endpoint 1, the same tabs as Basis
#          (cores + 1), file: URLs, no filter, no footer, no retries;
#   Basis, one endpoint: the PDF stage of `basis build --browser WS1`;
#   Basis, two endpoints: the PDF stage of `basis build --browser WS1 --browser WS2`.
# The runs alternate (floor, one, two, floor, ...) so drift in the
# machine's load spreads over all rows; each row is the median of RUNS.
# Besides the time, each row gives the CPU time the client and the
# endpoints' processes used: on a machine shared with other work, the
# wall clock says more about the other work than about Basis, and the CPU
# per document is what a pool spread over machines with their own cores
# divides.
#
# Environment: N_PDF, RUNS (default 3), WORK (default /tmp/basis-bench),
# CHROME (the browser), APPEND (1: append the table to $WORK/results.md).
set -euo pipefail

N_PDF=${N_PDF:-4}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/basis-bench}
cd "$(dirname "$0")/.."

log() { printf '%s\n' "$*" >&2; }

CHROME=${CHROME:-${BASIS_CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}}
if [ -z "$CHROME" ]; then
	log "no chromium found: apt-get install chromium (or set CHROME)"
	exit 1
fi

mkdir -p "$WORK/bin"
log "building basis and the PDF floor"
go build -o "$WORK/bin/basis" ./cmd/basis
go build -o "$WORK/bin/pdffloor" ./bench/pdffloor
BASIS=$WORK/bin/basis

# --- the endpoints -----------------------------------------------------------
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	rm -rf "$WORK/endpoints"
}
trap cleanup EXIT

# endpoint N: starts Chromium number N in its own process group and sets WS
# to its DevTools address, read from its "DevTools listening on" line.
endpoint() {
	local dir=$WORK/endpoints/$1
	mkdir -p "$dir"
	setsid "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
		--disable-background-networking --disable-component-update --disable-sync --disable-extensions \
		--disable-default-apps --hide-scrollbars --mute-audio --password-store=basic \
		--disable-features=site-per-process,Translate,OptimizationHints,MediaRouter \
		--remote-debugging-port=0 --remote-debugging-address=127.0.0.1 \
		--user-data-dir="$dir/profile" about:blank 2>"$dir/stderr" >/dev/null &
	PIDS+=($!)
	WS=""
	for _ in $(seq 600); do # up to a minute on a busy machine
		WS=$(sed -n 's/^DevTools listening on \(ws:.*\)$/\1/p' "$dir/stderr" | head -1)
		if [ -n "$WS" ]; then return; fi
		sleep 0.1
	done
	log "endpoint $1 did not start:"
	tail -5 "$dir/stderr" >&2
	exit 1
}
endpoint 1
WS1=$WS
endpoint 2
WS2=$WS
log "endpoints: $WS1 $WS2"

# --- the documents -----------------------------------------------------------
P=$WORK/pool
rm -rf "$P"
go run ./bench/gen -n "$N_PDF" -out "$P/content" >&2
"$BASIS" build --no-pdf --content "$P/content" --out "$P/html" --cache "" >&2
mapfile -t DOCS < <(find "$P/html" -name '*.html' ! -path "$P/html/index.html" | sort)
DOCN=${#DOCS[@]}
TABS=$(($(nproc) + 1)) # as many tabs as Basis's printer opens on each browser (pdf.DefaultPages)
if [ "$TABS" -gt 8 ]; then TABS=8; fi

# basis's duration strings ("1m3.5s", "2.5s", "152ms") in seconds
dur() {
	awk -v d="$1" 'BEGIN {
		s = 0
		while (match(d, /^[0-9.]+(h|ms|µs|us|ns|m|s)/)) {
			t = substr(d, 1, RLENGTH); d = substr(d, RLENGTH + 1)
			u = t; sub(/^[0-9.]+/, "", u); v = t + 0
			if (u == "h") s += v * 3600; else if (u == "m") s += v * 60; else if (u == "s") s += v
			else if (u == "ms") s += v / 1000; else if (u == "µs" || u == "us") s += v / 1e6; else s += v / 1e9
		}
		print s
	}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2f", a / b }'; }
perdoc() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f s, %.0f ms/doc, %.1f docs/s", s, s * 1000 / n, n / s }'; }

# group_cpu: CPU seconds used so far by the endpoints' processes (each runs
# in its own session), with the children they reaped.
TICK=$(getconf CLK_TCK)
group_cpu() {
	local sids=" ${PIDS[*]} "
	# A process may end between the glob and cat: cat's status means nothing.
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v sids="$sids" -v t="$TICK" '
		{ sub(/^[0-9]+ \(.*\) /, ""); if (index(sids, " " $4 " ")) s += $12 + $13 + $14 + $15 }
		END { printf "%.3f", s / t }'
}

# timed NAME CMD...: runs CMD (output in $WORK/pool-NAME.log) and prints the
# CPU seconds it and the endpoints used meanwhile.
timed() {
	local name=$1
	shift
	local before after
	before=$(group_cpu)
	/usr/bin/time -f '%U %S' -o "$WORK/pool-$name.time" "$@" >"$WORK/pool-$name.log" 2>&1 || {
		log "failed: $*"
		tail -20 "$WORK/pool-$name.log" >&2
		exit 1
	}
	after=$(group_cpu)
	awk -v b="$before" -v a="$after" '{ printf "%.3f", a - b + $1 + $2 }' "$WORK/pool-$name.time"
}

# basis_pdf NAME ARGS...: builds with PDFs and prints the PDF stage's
# seconds and the CPU seconds of the whole build and the endpoints.
basis_pdf() {
	local name=$1
	shift
	rm -rf "${P:?}/$name"
	local cpu n
	cpu=$(timed "$name" "$BASIS" build --content "$P/content" --out "$P/$name" --cache "" "$@")
	n=$(find "$P/$name" -name '*.pdf' | wc -l)
	if [ "$n" -ne "$DOCN" ]; then
		log "basis build $* printed $n PDFs, want $DOCN"
		exit 1
	fi
	echo "$(dur "$(sed -n 's/.*, PDF \([^ ]*\)$/\1/p' "$WORK/pool-$name.log" | tail -1)") $cpu"
}

# floor: the floor on endpoint 1; prints seconds and CPU seconds like basis_pdf.
floor() {
	rm -rf "$P/floor"
	local cpu
	cpu=$(timed floor "$WORK/bin/pdffloor" -endpoint "$WS1" -pages "$TABS" -out "$P/floor" "${DOCS[@]}")
	echo "$(dur "$(sed -n 's/^printed .* in \(.*\)$/\1/p' "$WORK/pool-floor.log" | tail -1)") $cpu"
}

F=() ONE=() TWO=() FC=() ONEC=() TWOC=()
for ((r = 1; r <= RUNS; r++)); do
	log "run $r of $RUNS: floor, one endpoint, two endpoints ($DOCN documents)"
	read -r t c < <(floor)
	[ -n "${c:-}" ] || exit 1
	F+=("$t") FC+=("$c")
	read -r t c < <(basis_pdf one --browser "$WS1")
	[ -n "${c:-}" ] || exit 1
	ONE+=("$t") ONEC+=("$c")
	read -r t c < <(basis_pdf two --browser "$WS1" --browser "$WS2")
	[ -n "${c:-}" ] || exit 1
	TWO+=("$t") TWOC+=("$c")
done
F_S=$(median "${F[@]}") ONE_S=$(median "${ONE[@]}") TWO_S=$(median "${TWO[@]}")
F_C=$(median "${FC[@]}") ONE_C=$(median "${ONEC[@]}") TWO_C=$(median "${TWOC[@]}")
cpudoc() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.0f CPU ms/doc", s * 1000 / n }'; }

{
	echo
	echo "Remote browsers: $DOCN documents, $(nproc) cores, endpoints and Basis on this one machine, $TABS tabs per endpoint,"
	echo "median of $RUNS alternating runs, $("$CHROME" --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "Runs (s): floor ${F[*]}; one endpoint ${ONE[*]}; two endpoints ${TWO[*]}."
	echo "CPU (s, the endpoints' processes and the client; for Basis the whole build, HTML stage included): floor ${FC[*]}; one endpoint ${ONEC[*]}; two endpoints ${TWOC[*]}."
	echo
	echo "| Remote printing | Time | CPU | Ratio |"
	echo "|---|---|---|---|"
	echo "| Floor: bench/pdffloor on endpoint 1 | $(perdoc "$F_S" "$DOCN") | $(cpudoc "$F_C" "$DOCN") | 1.00 |"
	echo "| Basis, one endpoint (--browser WS1) | $(perdoc "$ONE_S" "$DOCN") | $(cpudoc "$ONE_C" "$DOCN") | time $(ratio "$ONE_S" "$F_S"), CPU $(ratio "$ONE_C" "$F_C") × the floor's |"
	echo "| Basis, pool of two (--browser WS1 --browser WS2) | $(perdoc "$TWO_S" "$DOCN") | $(cpudoc "$TWO_C" "$DOCN") | throughput $(ratio "$ONE_S" "$TWO_S") × one endpoint's; CPU per document $(ratio "$TWO_C" "$ONE_C") × |"
} | if [ "${APPEND:-0}" = 1 ]; then tee -a "$WORK/results.md"; else cat; fi
