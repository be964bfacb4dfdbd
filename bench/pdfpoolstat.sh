#!/usr/bin/env bash
# bench/pdfpoolstat.sh: where a pool's throughput goes (bench/pdfpoolstat).
# Two Chromium endpoints, pinned to halves of the CPUs as bench/pdfpool.sh
# pins them, print the bench companies' documents with Basis's printer, on
# endpoint 1 alone and on both, alternating, RUNS times each; the tables
# give per endpoint the documents, navigations, busy span, tail, waits and
# CPU, and per run the client's CPU and how busy each CPU of the machine
# was and with what (the endpoints, the client, everything else).
#
#   bench/pdfpoolstat.sh               # N_PDF=4 companies, RUNS=3
#   N_PDF=16 RUNS=2 bench/pdfpoolstat.sh
#   PIN=0 bench/pdfpoolstat.sh         # endpoints unpinned
#
# Environment: N_PDF, RUNS, WORK (default /tmp/basis-bench), CHROME, PIN.
set -euo pipefail

N_PDF=${N_PDF:-4}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/basis-bench}
cd "$(dirname "$0")/.."
log() { printf '%s\n' "$*" >&2; }

B=$WORK/bin
mkdir -p "$B"
go build -o "$B/basis" ./cmd/basis
go build -o "$B/pdfpoolstat" ./bench/pdfpoolstat

S=$WORK/poolstat
rm -rf "$S"
go run ./bench/gen -n "$N_PDF" -out "$S/content" >&2
"$B/basis" build --no-pdf --content "$S/content" --out "$S/html" --internal-out= --cache "" >&2
mapfile -t DOCS < <(find "$S/html" -name '*.html' ! -name '*.fragment.html' ! -path "$S/html/index.html" ! -path "$S/html/index.*.html" | sort)

mapfile -t CPUS < <(sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/$$/status | tr ',' '\n' |
	awk -F- '{ for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c }')
NCPU=${#CPUS[@]}
PIN=${PIN:-$([ "$NCPU" -ge 2 ] && echo 1 || echo 0)}
ARGS=()
if [ "$PIN" = 1 ]; then
	HALF=$((NCPU / 2))
	ARGS=(-cpus "$(IFS=,; echo "${CPUS[*]:0:HALF}")" -cpus "$(IFS=,; echo "${CPUS[*]:HALF:HALF}")")
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
"$B/pdfpoolstat" "${ARGS[@]}" -runs "$RUNS" -root "$S/html" -out "$S/pdf" "${DOCS[@]}"
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
