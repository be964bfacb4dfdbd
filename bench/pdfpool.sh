#!/usr/bin/env bash
# bench/pdfpool.sh: Basis printing on remote browsers, side by side in one
# run: the floor on one endpoint, Basis on that one endpoint, and Basis on a
# pool of two, printed as a markdown table (also appended to
# $WORK/results.md when APPEND=1, as bench/run.sh does).
#
#   bench/pdfpool.sh                  # PDFs of N_PDF=4 companies (52 documents)
#   N_PDF=8 RUNS=3 bench/pdfpool.sh
#   PIN=0 bench/pdfpool.sh            # both endpoints share all the cores
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
# Cores. With PIN=1 (the default when the script may use 2 CPUs or more)
# each endpoint gets cores of its own, as on two machines: the CPUs this
# script may use are split in halves (CPU set A, CPU set B; an odd one out
# goes to neither) and endpoint 1 runs under `taskset -c A`, endpoint 2
# under `taskset -c B`. Chromium's processes (zygotes, renderers, GPU and
# utility processes) inherit the affinity; the script samples them during
# the runs and prints the CPU lists it saw. So the floor and "one endpoint"
# print on half the cores and the pool on both halves: the pool's
# throughput against one endpoint's is what a second endpoint with cores
# of its own adds. The Basis client (and the floor's) is not pinned: it
# may run on any CPU, also the endpoints', as it would beside a service.
# With PIN=0 both endpoints share all the cores, and a second endpoint can
# add only what the first leaves idle.
#
# Besides the time, each row gives the CPU time the client and each
# endpoint's processes used, and the client's share of it: on a machine
# shared with other work, the wall clock says more about the other work
# than about Basis, and the CPU per document is what a pool spread over
# machines with their own cores divides. For Basis the client's CPU is the
# whole build's; the HTML stage's share is printed (the --no-pdf build of
# the same content).
#
# With BEFORE (a git revision) set, each run also prints on endpoint 1
# with the binary built from that revision: a row "before".
#
# Environment: N_PDF, RUNS (default 3), WORK (default /tmp/basis-bench),
# CHROME (the browser), PIN (1: endpoints on disjoint halves of the CPUs;
# 0: unpinned), APPEND (1: append the table to $WORK/results.md),
# PROJECT (companies to project the cost of printing for, default 100000),
# BEFORE (a git revision to compare with).
set -euo pipefail

N_PDF=${N_PDF:-4}
RUNS=${RUNS:-3}
PROJECT=${PROJECT:-100000}
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
if [ -n "${BEFORE:-}" ]; then
	log "building basis at $BEFORE"
	rm -rf "$WORK/before-src"
	mkdir -p "$WORK/before-src"
	git archive "$BEFORE" | tar -x -C "$WORK/before-src"
	(cd "$WORK/before-src" && go build -o "$WORK/bin/basis-before" ./cmd/basis)
	BEFORE_NAME=$(git rev-parse --short "$BEFORE")
fi

# --- the cores ---------------------------------------------------------------
# CPUS: the CPUs this script may use, from its own affinity list ("0-3,6").
mapfile -t CPUS < <(sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/$$/status | tr ',' '\n' |
	awk -F- '{ for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c }')
NCPU=${#CPUS[@]}
if [ "$NCPU" -eq 0 ]; then NCPU=$(nproc); fi
PIN=${PIN:-$([ "$NCPU" -ge 2 ] && echo 1 || echo 0)}
SET=("" "")
if [ "$PIN" = 1 ]; then
	if [ "$NCPU" -lt 2 ] || ! command -v taskset >/dev/null; then
		log "PIN=1 needs 2 CPUs or more and taskset (util-linux); this script may use $NCPU: run with PIN=0"
		exit 1
	fi
	HALF=$((NCPU / 2))
	SET=("$(IFS=,; echo "${CPUS[*]:0:HALF}")" "$(IFS=,; echo "${CPUS[*]:HALF:HALF}")")
	log "endpoint 1 on CPUs ${SET[0]}, endpoint 2 on CPUs ${SET[1]}, the client on any of ${CPUS[*]}"
fi

# --- the endpoints -----------------------------------------------------------
PIDS=()
SAMPLER=""
cleanup() {
	if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
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
	local pin=()
	if [ -n "${SET[$1 - 1]}" ]; then pin=(taskset -c "${SET[$1 - 1]}"); fi
	setsid "${pin[@]}" "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
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
/usr/bin/time -f '%U %S' -o "$WORK/pool-html.time" "$BASIS" build --no-pdf --content "$P/content" --out "$P/html" --internal-out= --cache "" >&2
HTML_C=$(awk '{ printf "%.3f", $1 + $2 }' "$WORK/pool-html.time") # the client's CPU for the HTML stage
# Basis prints every page but the indexes (index.html, index.de.html, ...).
mapfile -t DOCS < <(find "$P/html" -name '*.html' ! -name '*.fragment.html' ! -path "$P/html/index.html" ! -path "$P/html/index.*.html" | sort)
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

# group_cpu: CPU seconds used so far by each endpoint's processes (each
# runs in its own session), with the children they reaped: "EP1 EP2".
TICK=$(getconf CLK_TCK)
group_cpu() {
	# A process may end between the glob and cat: cat's status means nothing.
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v s1="${PIDS[0]}" -v s2="${PIDS[1]}" -v t="$TICK" '
		{ sub(/^[0-9]+ \(.*\) /, ""); c = $12 + $13 + $14 + $15 }
		$4 == s1 { a += c }
		$4 == s2 { b += c }
		END { printf "%.3f %.3f", a / t, b / t }'
}

# affinity: one line per process of the endpoints: the endpoint, the
# process's id and type (its --type=, "browser" for the first) and the
# CPUs it may run on.
affinity() {
	local pid sid n line type arg rest args
	while read -r pid sid; do
		n=1
		if [ "$sid" = "${PIDS[1]}" ]; then n=2; fi
		line=""
		while read -r arg rest; do
			if [ "$arg" = Cpus_allowed_list: ]; then line=$rest; fi
		done 2>/dev/null <"/proc/$pid/status" || continue
		[ -n "$line" ] || continue
		# Chromium rewrites its children's command lines as one string.
		args=""
		while IFS= read -r -d '' arg || [ -n "$arg" ]; do args+=" $arg"; done 2>/dev/null <"/proc/$pid/cmdline" || true
		type=browser
		if [[ $args =~ \ --type=([^ ]+) ]]; then type=${BASH_REMATCH[1]}; fi
		echo "$n $pid $type $line"
	done < <({ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v s1="${PIDS[0]}" -v s2="${PIDS[1]}" '
		{ pid = $1; sub(/^[0-9]+ \(.*\) /, "") } $4 == s1 || $4 == s2 { print pid, $4 }')
}

# timed NAME CMD...: runs CMD (output in $WORK/pool-NAME.log) and prints the
# CPU seconds it (the client) and each endpoint used meanwhile:
# "CLIENT EP1 EP2".
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
	awk -v b="$before" -v a="$after" '{
		split(b, x, " "); split(a, y, " ")
		printf "%.3f %.3f %.3f", $1 + $2, y[1] - x[1], y[2] - x[2]
	}' "$WORK/pool-$name.time"
}

# basis_pdf NAME ARGS...: builds with PDFs and prints the PDF stage's
# seconds and the CPU seconds of the whole build and the endpoints; with
# BIN set, with that binary.
basis_pdf() {
	local name=$1
	shift
	rm -rf "${P:?}/$name"
	local cpu n
	cpu=$(timed "$name" "${BIN:-$BASIS}" build --content "$P/content" --out "$P/$name" --internal-out= --cache "" "$@")
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

# row NAME T CLIENT EP1 EP2: adds a run's seconds and CPU seconds to row NAME.
row() {
	local -n t=$1_T cl=$1_CL e1=$1_E1 e2=$1_E2 all=$1_ALL
	t+=("$2") cl+=("$3") e1+=("$4") e2+=("$5")
	all+=("$(awk -v a="$3" -v b="$4" -v c="$5" 'BEGIN { printf "%.3f", a + b + c }')")
}
ROWS=(F ONE TWO)
if [ -n "${BEFORE:-}" ]; then ROWS+=(OLD); fi
for r in "${ROWS[@]}"; do
	for k in T CL E1 E2 ALL; do declare -a "${r}_$k=()"; done
done
# One run of the pool, not timed, first: both endpoints' first pages, the
# fonts and the binaries' pages read from the disk are not the first row's
# to pay for.
log "warming up the endpoints"
basis_pdf warm --browser "$WS1" --browser "$WS2" >/dev/null
# The endpoints' processes' CPU lists are sampled every 2 seconds during
# the first run (renderers come and go with the tabs).
: >"$WORK/pool-affinity.txt"
for ((r = 1; r <= RUNS; r++)); do
	log "run $r of $RUNS: floor, one endpoint, two endpoints${BEFORE:+, one endpoint at $BEFORE} ($DOCN documents)"
	if [ "$r" = 1 ]; then
		while :; do
			affinity
			sleep 2
		done >>"$WORK/pool-affinity.txt" &
		SAMPLER=$!
	fi
	read -r t c e1 e2 < <(floor)
	[ -n "${e2:-}" ] || exit 1
	row F "$t" "$c" "$e1" "$e2"
	read -r t c e1 e2 < <(basis_pdf one --browser "$WS1")
	[ -n "${e2:-}" ] || exit 1
	row ONE "$t" "$c" "$e1" "$e2"
	read -r t c e1 e2 < <(basis_pdf two --browser "$WS1" --browser "$WS2")
	[ -n "${e2:-}" ] || exit 1
	row TWO "$t" "$c" "$e1" "$e2"
	if [ -n "${BEFORE:-}" ]; then
		read -r t c e1 e2 < <(BIN=$WORK/bin/basis-before basis_pdf old --browser "$WS1")
		[ -n "${e2:-}" ] || exit 1
		row OLD "$t" "$c" "$e1" "$e2"
	fi
	if [ -n "$SAMPLER" ]; then
		kill "$SAMPLER" 2>/dev/null || true
		wait "$SAMPLER" 2>/dev/null || true
		SAMPLER=""
	fi
done
affinity >>"$WORK/pool-affinity.txt"
for r in "${ROWS[@]}"; do
	for k in T CL E1 E2 ALL; do
		declare -n a=${r}_$k
		declare "${r}_${k}_M=$(median "${a[@]}")"
		unset -n a
	done
done
cpudoc() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.0f", s * 1000 / n }'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.0f%%", 100 * a / b }'; }
# cpucell ROW: the row's CPU per document: all, then the client and each endpoint.
cpucell() {
	local cl=${1}_CL_M e1=${1}_E1_M e2=${1}_E2_M all=${1}_ALL_M
	echo "$(cpudoc "${!all}" "$DOCN") ms/doc (client $(cpudoc "${!cl}" "$DOCN"), $(share "${!cl}" "${!all}"); endpoint 1 $(cpudoc "${!e1}" "$DOCN"); endpoint 2 $(cpudoc "${!e2}" "$DOCN"))"
}
# seen N: the process types of endpoint N and the CPU lists they had.
seen() {
	awk -v n="$1" '$1 == n { pids[$2]; types[$3]; cpus[$4] }
		END {
			for (p in pids) np++
			for (t in types) ts = ts (ts == "" ? "" : ", ") t
			for (c in cpus) cs = cs (cs == "" ? "" : " and ") c
			printf "%d processes (%s) on CPUs %s", np, ts, cs
		}' "$WORK/pool-affinity.txt"
}
# project: the cost of printing PROJECT companies' documents (12 each: three
# documents in four languages), from the measured CPU per document of one
# endpoint and the throughput of one endpoint and of the pool, assuming
# the pool's measured efficiency (throughput of two / twice one's) holds
# for more endpoints, each with the cores one endpoint had here.
project() {
	local docs=$((PROJECT * 12)) cores
	if [ "$PIN" = 1 ]; then cores=$(echo "${SET[0]}" | tr ',' '\n' | wc -l); else cores=$NCPU; fi
	echo
	awk -v n="$PROJECT" -v docs="$docs" -v d="$DOCN" -v cpu="$ONE_ALL_M" -v one="$ONE_T_M" -v two="$TWO_T_M" -v cores="$cores" 'BEGIN {
		cpudoc = cpu / d; rate = d / one; eff = (one / two) / 2
		printf "Projection for %d companies (%d documents): %.0f ms of CPU per document (one endpoint, client included) is %.0f CPU-hours;", n, docs, cpudoc * 1000, cpudoc * docs / 3600
		printf " one endpoint of %d core(s) prints %.2f documents a second here, %.0f hours for all;", cores, rate, docs / rate / 3600
		printf " at the pool efficiency measured (%.2f), %d endpoints take %.1f h, %d take %.1f h, %d take %.1f h.\n", eff, 8, docs / (rate * 8 * eff) / 3600, 32, docs / (rate * 32 * eff) / 3600, 128, docs / (rate * 128 * eff) / 3600
	}'
}

if [ "$PIN" = 1 ]; then
	CORES="endpoint 1 pinned to CPUs ${SET[0]} (taskset -c), endpoint 2 to CPUs ${SET[1]}, the client unpinned (any of CPUs $(IFS=,; echo "${CPUS[*]}"))"
else
	CORES="endpoints and client unpinned, sharing all of them"
fi

{
	echo
	echo "Remote browsers: $DOCN documents, $NCPU cores ($(nproc --all) on the machine): $CORES; $TABS tabs per endpoint (the client's cores + 1),"
	echo "median of $RUNS alternating runs, $("$CHROME" --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "Seen during the first run: endpoint 1 $(seen 1); endpoint 2 $(seen 2)."
	echo "Runs (s): floor ${F_T[*]}; one endpoint ${ONE_T[*]}; two endpoints ${TWO_T[*]}."
	echo "CPU (s, client + endpoint 1 + endpoint 2; for Basis the whole build, whose HTML stage alone takes $HTML_C s): floor ${F_ALL[*]}; one endpoint ${ONE_ALL[*]}; two endpoints ${TWO_ALL[*]}."
	echo
	echo "| Remote printing | Time | CPU per document (client's share) | Ratio |"
	echo "|---|---|---|---|"
	echo "| Floor: bench/pdffloor on endpoint 1 | $(perdoc "$F_T_M" "$DOCN") | $(cpucell F) | 1.00 |"
	echo "| Basis, one endpoint (--browser WS1) | $(perdoc "$ONE_T_M" "$DOCN") | $(cpucell ONE) | time $(ratio "$ONE_T_M" "$F_T_M"), CPU $(ratio "$ONE_ALL_M" "$F_ALL_M") × the floor's |"
	echo "| Basis, pool of two (--browser WS1 --browser WS2) | $(perdoc "$TWO_T_M" "$DOCN") | $(cpucell TWO) | throughput $(ratio "$ONE_T_M" "$TWO_T_M") × one endpoint's; CPU per document $(ratio "$TWO_ALL_M" "$ONE_ALL_M") × |"
	if [ -n "${BEFORE:-}" ]; then
		echo "| Basis $BEFORE_NAME (before), one endpoint | $(perdoc "$OLD_T_M" "$DOCN") | $(cpucell OLD) | time $(ratio "$OLD_T_M" "$F_T_M"), CPU $(ratio "$OLD_ALL_M" "$F_ALL_M") × the floor's |"
	fi
	echo
	echo "Pool efficiency (throughput of two endpoints ÷ twice one's): $(awk -v a="$ONE_T_M" -v b="$TWO_T_M" 'BEGIN { printf "%.2f", a / b / 2 }'); Basis on one endpoint: CPU $(ratio "$ONE_ALL_M" "$F_ALL_M") × the floor's${BEFORE:+ (before: $(ratio "$OLD_ALL_M" "$F_ALL_M") ×)}."
	project
} | if [ "${APPEND:-0}" = 1 ]; then tee -a "$WORK/results.md"; else cat; fi
