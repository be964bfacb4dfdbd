#!/usr/bin/env bash
# bench/pdftrace.sh: where one endpoint's CPU goes per document, before and
# after the warm tabs, from Chromium's own tracing (bench/pdftrace).
#
#   bench/pdftrace.sh                # N_PDF=4 bench companies (52 documents)
#   N_PDF=2 CPUS=0 bench/pdftrace.sh # the browser pinned to CPU 0
#
# One Chromium endpoint, started as bench/pdfpool.sh starts its endpoints,
# prints the same documents (the bench companies' pages, each language)
# twice while it records a trace of all its processes:
#   plain: bench/pdffloor -endpoint: a navigation and a print per document
#          on as many tabs as Basis opens (cores + 1), file: URLs;
#   basis: the PDF stage of `basis build --browser $WS`: warm tabs, the
#          pages put into them, files served over the DevTools connection.
# A warm-up run of Basis comes first, untraced. The tables (ms per
# document; /proc CPU by process type; the traces' thread time by process
# and kind of work, and by event name) go to stdout; the traces to
# $WORK/traces (not part of the repository; open them in ui.perfetto.dev).
#
# Environment: N_PDF (default 4), WORK (default /tmp/basis-bench), CHROME,
# CPUS (a taskset CPU list for the browser; default unpinned), TOP (event
# names listed, default 15).
set -euo pipefail

N_PDF=${N_PDF:-4}
WORK=${WORK:-/tmp/basis-bench}
TOP=${TOP:-15}
cd "$(dirname "$0")/.."
log() { printf '%s\n' "$*" >&2; }

B=$WORK/bin
mkdir -p "$B"
log "building basis, the PDF floor and pdftrace"
go build -o "$B/basis" ./cmd/basis
go build -o "$B/pdffloor" ./bench/pdffloor
go build -o "$B/pdftrace" ./bench/pdftrace

T=$WORK/trace
rm -rf "$T"
go run ./bench/gen -n "$N_PDF" -out "$T/content" >&2
"$B/basis" build --no-pdf --content "$T/content" --out "$T/html" --internal-out= --cache "" >&2
# Basis prints every page but the indexes, as bench/pdfpool.sh lists them.
mapfile -t DOCS < <(find "$T/html" -name '*.html' ! -name '*.fragment.html' ! -path "$T/html/index.html" ! -path "$T/html/index.*.html" | sort)
TABS=$(($(nproc) + 1))
if [ "$TABS" -gt 8 ]; then TABS=8; fi
printf -v DOCLIST '%q ' "${DOCS[@]}"
BUILD="$B/basis build --content $T/content --internal-out= --cache ''"

PIN=()
if [ -n "${CPUS:-}" ]; then PIN=(-cpus "$CPUS"); fi
log "tracing ${#DOCS[@]} documents"
"$B/pdftrace" "${PIN[@]}" -docs "${#DOCS[@]}" -top "$TOP" -traces "$WORK/traces" \
	-warmup "rm -rf $T/warm && $BUILD --out $T/warm --browser \"\$WS\" >/dev/null" \
	plain="rm -rf $T/plain && $B/pdffloor -endpoint \"\$WS\" -pages $TABS -out $T/plain $DOCLIST >/dev/null" \
	basis="rm -rf $T/basis && $BUILD --out $T/basis --browser \"\$WS\" >/dev/null"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $("${CHROME:-${BASIS_CHROME:-chromium}}" --version 2>/dev/null | head -1)."
