#!/usr/bin/env bash
# bench/pdflocal.sh: Basis printing on its own browser, side by side in one
# run with the floor (bench/pdffloor), with Chromium's command line, and
# with Basis at another revision (BEFORE), as a markdown table (appended
# to $WORK/results.md when APPEND=1, as bench/run.sh does).
#
#   bench/pdflocal.sh                       # PDFs of N_PDF=4 companies (52 documents)
#   BEFORE=df09cda RUNS=5 bench/pdflocal.sh # also Basis at df09cda, and its PDFs compared
#   CLI=0 bench/pdflocal.sh                 # without the command line's row (slow)
#
# Rows, the runs alternating (HTML only, floor, before, Basis, ...) so drift
# in the machine's load falls on all of them, each the median of RUNS:
#   floor:  bench/pdffloor: one browser started by go-rod printing the
#           same HTML on as many tabs as Basis opens (cores + 1), with
#           nothing else: no request filter, no footer, no retries;
#   before: `basis build` of the binary built from revision BEFORE;
#   Basis:  `basis build` of this working tree;
#   CLI:    `chromium --headless --print-to-pdf` once per document.
# CPU is the time of the whole process tree, counted by bench/cputime,
# which also counts the browser's processes that outlive it (/usr/bin/time
# loses those once the browser is killed). For Basis it is the build's
# CPU less the median of the same build's HTML stage alone (`--no-pdf`).
# On a machine shared with other work, CPU per document is the figure to
# compare: the wall clock mostly measures the other work.
#
# With BEFORE set, the PDFs of both revisions, of the bench companies (one
# per language each) and of the example companies (content/), are compared
# with bench/pdfsame.sh: text, fonts, page count, title, links, language.
#
# Environment: N_PDF, RUNS (default 3), WORK (default /tmp/basis-bench),
# CHROME, BEFORE (a git revision), CLI (0: no command-line row), APPEND.
set -euo pipefail

N_PDF=${N_PDF:-4}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/basis-bench}
CLI=${CLI:-1}
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '%s\n' "$*" >&2; }

CHROME=${CHROME:-${BASIS_CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}}
if [ -z "$CHROME" ]; then
	log "no chromium found: apt-get install chromium (or set CHROME)"
	exit 1
fi
export BASIS_CHROME=$CHROME
SANDBOX=()
if [ "$(id -u)" = 0 ]; then SANDBOX=(--no-sandbox); fi # Chromium refuses to run as root with its sandbox

B=$WORK/bin
mkdir -p "$B"
log "building basis, the PDF floor and cputime"
go build -o "$B/basis" ./cmd/basis
go build -o "$B/pdffloor" ./bench/pdffloor
go build -o "$B/cputime" ./bench/cputime
if [ -n "${BEFORE:-}" ]; then
	log "building basis at $BEFORE"
	rm -rf "$WORK/before-src"
	mkdir -p "$WORK/before-src"
	git -C "$ROOT" archive "$BEFORE" | tar -x -C "$WORK/before-src"
	(cd "$WORK/before-src" && go build -o "$B/basis-before" ./cmd/basis)
	BEFORE_NAME=$(git -C "$ROOT" rev-parse --short "$BEFORE")
fi
HEAD_NAME=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')

P=$WORK/local
rm -rf "$P"
go run ./bench/gen -n "$N_PDF" -out "$P/content" >&2
"$B/basis" build --no-pdf --content "$P/content" --out "$P/html" --internal-out= --cache "" >&2
# Basis prints every page but the indexes (index.html, index.de.html, ...)
# and the fragments for embedding; --internal-out= puts the internal
# documents (checklists) beside the published ones, so both are counted.
mapfile -t DOCS < <(find "$P/html" -name '*.html' ! -name '*.fragment.html' ! -path "$P/html/index.html" ! -path "$P/html/index.*.html" ! -path "$P/html/internal.html" ! -path "$P/html/internal.*.html" | sort)
DOCN=${#DOCS[@]}
TABS=$(($(nproc) + 1)) # as many tabs as Basis's printer opens (pdf.DefaultPages)
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
msdoc() { awk -v s="$1" -v n="$DOCN" 'BEGIN { printf "%.0f ms/doc", s * 1000 / n }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

# timed NAME CMD...: runs CMD (output in $P/NAME.log), sets SECS (wall
# clock) and CPU (user + system of its whole process tree).
timed() {
	local name=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	# From $P, which has no templates/ or locales/ folder: basis prefers a
	# ./templates it finds to its own, so a binary of another revision run
	# from the source tree would render with this tree's templates.
	(cd "$P" && "$B/cputime" -o "$P/$name.cpu" "$@") >"$P/$name.log" 2>&1 || {
		log "failed: $*"
		tail -20 "$P/$name.log" >&2
		exit 1
	}
	t1=$(date +%s.%N)
	SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	CPU=$(awk '{ printf "%.3f", $1 + $2 }' "$P/$name.cpu")
}

# build_pdf NAME BIN: a full build with PDFs by BIN into $P/NAME; sets
# SECS to its PDF stage's wall clock and CPU to its whole CPU.
build_pdf() {
	local name=$1 bin=$2 n
	rm -rf "${P:?}/$name"
	timed "$name" "$bin" build --content "$P/content" --out "$P/$name" --internal-out= --cache ""
	n=$(find "$P/$name" -name '*.pdf' | wc -l)
	if [ "$n" -ne "$DOCN" ]; then
		log "$bin printed $n PDFs, want $DOCN"
		exit 1
	fi
	SECS=$(dur "$(sed -n 's/.*, PDF \([^ ]*\)$/\1/p' "$P/$name.log" | tail -1)")
}

cli_all() {
	mkdir -p "$P/cli"
	local prof f
	prof=$(mktemp -d)
	for f in "${DOCS[@]}"; do
		"$CHROME" --headless "${SANDBOX[@]}" --disable-gpu --no-first-run --user-data-dir="$prof" \
			--no-pdf-header-footer --print-to-pdf="$P/cli/$(echo "${f#"$P/html/"}" | tr / _).pdf" "file://$f" >/dev/null 2>&1
	done
	rm -rf "$prof"
}

declare -a H_C=() F_T=() F_C=() O_T=() O_C=() N_T=() N_C=() C_T=() C_C=()
log "warming up: one untimed build with PDFs"
build_pdf warm "$B/basis"
for ((r = 1; r <= RUNS; r++)); do
	log "run $r of $RUNS ($DOCN documents): HTML only, floor, ${BEFORE:+before, }Basis$([ "$CLI" = 1 ] && echo ', command line')"
	rm -rf "$P/htmlonly"
	timed htmlonly "$B/basis" build --no-pdf --content "$P/content" --out "$P/htmlonly" --internal-out= --cache ""
	H_C+=("$CPU")
	rm -rf "$P/floor"
	timed floor "$B/pdffloor" -chrome "$CHROME" -pages "$TABS" -out "$P/floor" "${DOCS[@]}"
	F_T+=("$(dur "$(sed -n 's/^printed .* in \(.*\)$/\1/p' "$P/floor.log" | tail -1)")") F_C+=("$CPU")
	if [ -n "${BEFORE:-}" ]; then
		build_pdf before "$B/basis-before"
		O_T+=("$SECS") O_C+=("$CPU")
	fi
	build_pdf now "$B/basis"
	N_T+=("$SECS") N_C+=("$CPU")
	if [ "$CLI" = 1 ]; then
		rm -rf "$P/cli"
		export -f cli_all
		export P CHROME
		timed cli bash -c "$(declare -p DOCS SANDBOX); cli_all"
		C_T+=("$SECS") C_C+=("$CPU")
	fi
done

HTML_C=$(median "${H_C[@]}")
F_TM=$(median "${F_T[@]}") F_CM=$(median "${F_C[@]}")
N_TM=$(median "${N_T[@]}") N_CM=$(minus "$(median "${N_C[@]}")" "$HTML_C")
SAME=""
if [ -n "${BEFORE:-}" ]; then
	O_TM=$(median "${O_T[@]}") O_CM=$(minus "$(median "${O_C[@]}")" "$HTML_C")
	log "comparing the PDFs of $BEFORE_NAME and $HEAD_NAME"
	SAME_BENCH=$(bench/pdfsame.sh "$P/before" "$P/now" | tail -1 || true)
	rm -rf "$P/ex-before" "$P/ex-now"
	(cd "$P" && "$B/basis-before" build --content "$ROOT/content" --out "$P/ex-before" --internal-out= --cache "" >/dev/null 2>&1)
	(cd "$P" && "$B/basis" build --content "$ROOT/content" --out "$P/ex-now" --internal-out= --cache "" >/dev/null 2>&1)
	SAME_EX=$(bench/pdfsame.sh "$P/ex-before" "$P/ex-now" | tail -1 || true)
	SAME="PDFs of $BEFORE_NAME and $HEAD_NAME (bench/pdfsame.sh): bench companies $SAME_BENCH; example companies $SAME_EX."
fi

{
	echo
	echo "Local printing: $DOCN documents of $N_PDF bench companies, $(nproc) cores, $TABS tabs, median of $RUNS alternating runs,"
	echo "$("$CHROME" --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "CPU (s) per run, whole process trees: HTML stage alone ${H_C[*]}; floor ${F_C[*]};${BEFORE:+ Basis $BEFORE_NAME ${O_C[*]};} Basis $HEAD_NAME ${N_C[*]}."
	if [ -n "$SAME" ]; then echo "$SAME"; fi
	echo
	echo "| Local printing | PDF stage (wall) | CPU per document | CPU ratio |"
	echo "|---|---|---|---|"
	echo "| Floor: bench/pdffloor, one browser, $TABS tabs | $(printf '%.2f s' "$F_TM") | $(msdoc "$F_CM") | 1.00 |"
	if [ -n "${BEFORE:-}" ]; then
		echo "| Basis $BEFORE_NAME (before) | $(printf '%.2f s' "$O_TM") | $(msdoc "$O_CM") | $(ratio "$O_CM" "$F_CM") × the floor |"
	fi
	echo "| Basis $HEAD_NAME | $(printf '%.2f s' "$N_TM") | $(msdoc "$N_CM") | $(ratio "$N_CM" "$F_CM") × the floor${BEFORE:+, $(ratio "$N_CM" "$O_CM") × before} |"
	if [ "$CLI" = 1 ]; then
		echo "| chromium --headless --print-to-pdf per document | $(printf '%.2f s' "$(median "${C_T[@]}")") | $(msdoc "$(median "${C_C[@]}")") | $(ratio "$(median "${C_C[@]}")" "$F_CM") × the floor |"
	fi
} | if [ "${APPEND:-0}" = 1 ]; then tee -a "$WORK/results.md"; else cat; fi
