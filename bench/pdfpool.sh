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

# basis_pdf NAME ARGS...: builds with PDFs and prints the PDF stage's seconds.
basis_pdf() {
	local name=$1
	shift
	rm -rf "$P/$name"
	"$BASIS" build --content "$P/content" --out "$P/$name" --cache "" "$@" >"$WORK/pool-$name.log" 2>&1 || {
		log "failed: basis build $*"
		tail -20 "$WORK/pool-$name.log" >&2
		exit 1
	}
	local n
	n=$(find "$P/$name" -name '*.pdf' | wc -l)
	if [ "$n" -ne "$DOCN" ]; then
		log "basis build $* printed $n PDFs, want $DOCN"
		exit 1
	fi
	dur "$(sed -n 's/.*, PDF \([^ ]*\)$/\1/p' "$WORK/pool-$name.log" | tail -1)"
}

floor() {
	rm -rf "$P/floor"
	"$WORK/bin/pdffloor" -endpoint "$WS1" -pages "$TABS" -out "$P/floor" "${DOCS[@]}" >"$WORK/pool-floor.log" 2>&1 || {
		log "failed: pdffloor"
		tail -20 "$WORK/pool-floor.log" >&2
		exit 1
	}
	dur "$(sed -n 's/^printed .* in \(.*\)$/\1/p' "$WORK/pool-floor.log" | tail -1)"
}

F=() ONE=() TWO=()
for ((r = 1; r <= RUNS; r++)); do
	log "run $r of $RUNS: floor, one endpoint, two endpoints ($DOCN documents)"
	v=$(floor)
	F+=("$v")
	v=$(basis_pdf one --browser "$WS1")
	ONE+=("$v")
	v=$(basis_pdf two --browser "$WS1" --browser "$WS2")
	TWO+=("$v")
done
F_S=$(median "${F[@]}") ONE_S=$(median "${ONE[@]}") TWO_S=$(median "${TWO[@]}")

{
	echo
	echo "Remote browsers: $DOCN documents, $(nproc) cores, endpoints and Basis on this one machine, $TABS tabs per endpoint,"
	echo "median of $RUNS alternating runs, $("$CHROME" --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d)."
	echo "Runs (s): floor ${F[*]}; one endpoint ${ONE[*]}; two endpoints ${TWO[*]}."
	echo
	echo "| Remote printing | Time | Ratio |"
	echo "|---|---|---|"
	echo "| Floor: bench/pdffloor on endpoint 1 | $(perdoc "$F_S" "$DOCN") | 1.00 |"
	echo "| Basis, one endpoint (--browser WS1) | $(perdoc "$ONE_S" "$DOCN") | $(ratio "$ONE_S" "$F_S") × the floor's time |"
	echo "| Basis, pool of two (--browser WS1 --browser WS2) | $(perdoc "$TWO_S" "$DOCN") | $(ratio "$ONE_S" "$TWO_S") × one endpoint's throughput |"
} | if [ "${APPEND:-0}" = 1 ]; then tee -a "$WORK/results.md"; else cat; fi
