#!/usr/bin/env bash
# bench/run.sh: Basis side by side with Hugo and the Chromium command line,
# in one run, printed as a markdown table of ratios.
#
#   bench/run.sh                      # N=1000 companies, PDFs for N_PDF=4 companies
#   N=200 N_PDF=1 RUNS=3 bench/run.sh
#
# Stages:
#   1. full HTML build of N companies x 4 languages: `basis build --no-pdf`
#      vs `hugo` on the same pages, on the disk (WORK) and on tmpfs (TMPFS),
#      against two Hugo sites bench/hugo writes: one rendering from data that
#      already holds what Basis computes in Go (-precomputed; the fair
#      comparison), one computing the verdicts in template conditionals; time
#      per page and per byte written, peak memory ("Maximum resident set
#      size" of /usr/bin/time -v), and with N_BIG the peak memory of Basis at
#      N_BIG companies;
#   2. rebuilds after no change and after editing one company: whatever
#      `basis build` does with its cache, against Hugo building again (Hugo's
#      command line has no incremental build; `hugo server` keeps it in memory);
#   3. PDFs of the documents of N_PDF companies (12 per company, plus the 4
#      blank checklists), bench/pdflocal.sh: Basis's printer (`basis build`,
#      browser start included) vs the floor, bench/pdffloor: one browser
#      printing the same HTML through go-rod with nothing else, vs
#      `chromium --headless --print-to-pdf` once per document; CPU time per
#      document of the whole process tree, and with BEFORE, Basis at that
#      revision too, its PDFs compared with this one's;
#   4. the same documents on remote browsers (bench/pdfpool.sh): the floor
#      on one endpoint, Basis on that endpoint, Basis on a pool of two, the
#      pool's efficiency.
#
# Needs: Go, chromium (or chrome), Hugo, /usr/bin/time (installed with apt if
# missing). Install Hugo (the standard edition is enough) with:
#
#   go install github.com/gohugoio/hugo@v0.165.0
#
# Environment: PDF=0 (skip stage 3), N, N_PDF, RUNS (median of RUNS runs, default 1), N_BIG (default
# 0: no large run), WORK (scratch folder on the disk, default /tmp/basis-bench),
# TMPFS (scratch folder on tmpfs, default /dev/shm/basis-bench), HUGO (the hugo
# binary), CHROME (the browser), BEFORE (a git revision whose printing
# stages 3 and 4 measure beside this one's).
set -euo pipefail

N=${N:-1000}
N_PDF=${N_PDF:-4}
RUNS=${RUNS:-1}
N_BIG=${N_BIG:-0}
WORK=${WORK:-/tmp/basis-bench}
TMPFS=${TMPFS:-/dev/shm/basis-bench}
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
	log "installing /usr/bin/time (Debian package time)"
	if [ "$(id -u)" = 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi
HUGO=${HUGO:-$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")}
if [ ! -x "$HUGO" ]; then
	log "no hugo found: go install github.com/gohugoio/hugo@v0.165.0 (or set HUGO)"
	exit 1
fi
CHROME=${CHROME:-${BASIS_CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}}
if [ -z "$CHROME" ]; then
	log "no chromium found: apt-get install chromium (or set CHROME)"
	exit 1
fi

mkdir -p "$WORK/bin"
log "building basis"
go build -o "$WORK/bin/basis" ./cmd/basis
BASIS=$WORK/bin/basis

# --- measuring -------------------------------------------------------------
# measure NAME CMD...: runs CMD (its output goes to $WORK/NAME.log), sets
# SECS (wall clock, seconds), CPU (user + system time, seconds: steadier than
# the wall clock on a shared machine) and KB (peak resident set, kilobytes).
measure() {
	local name=$1
	shift
	/usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 || {
		log "failed: $*"
		tail -20 "$WORK/$name.log" >&2
		exit 1
	}
	SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/$name.time")
	KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time")
	CPU=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s }' "$WORK/$name.time")
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# repeat NAME PREP CMD...: runs PREP (a shell snippet) then measures CMD,
# RUNS times; sets SECS and CPU to the median times and KB to the largest peak. If
# AFTER is set, it is evaluated after each run and must print a number of
# seconds read from that run's log; STAGE is then the median of those.
repeat() {
	local name=$1 prep=$2
	shift 2
	local times=() cpus=() stages=() kb=0
	for ((r = 1; r <= RUNS; r++)); do
		RUN=$r eval "$prep"
		measure "$name" "$@"
		times+=("$SECS")
		cpus+=("$CPU")
		if [ -n "${AFTER:-}" ]; then stages+=("$(eval "$AFTER")"); fi
		if [ "$KB" -gt "$kb" ]; then kb=$KB; fi
	done
	SECS=$(median "${times[@]}")
	CPU=$(median "${cpus[@]}")
	KB=$kb
	STAGE=""
	if [ ${#stages[@]} -gt 0 ]; then STAGE=$(median "${stages[@]}"); fi
}

# basis's duration strings ("1m3.5s", "2.5s", "152ms", "0s") in seconds
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

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2f", a / b }'; }
secs() { awk -v s="$1" 'BEGIN { if (s < 10) printf "%.2f s", s; else printf "%.1f s", s }'; }
perpage() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f ms/page", s * 1000 / n }'; }
perdoc() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.0f ms/doc", s * 1000 / n }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
permb() { awk -v s="$1" -v b="$2" 'BEGIN { printf "%.0f ms/MB", s * 1000 / (b / 1048576) }'; }

# --- 1. full HTML build ----------------------------------------------------
log "generating $N companies"
rm -rf "$WORK/content" "$WORK/hugo-site" "$WORK/hugo-pre"
go run ./bench/gen -n "$N" -out "$WORK/content" >&2
go run ./bench/hugo -content "$WORK/content" -locales locales -assets templates/assets -out "$WORK/hugo-site" >&2
go run ./bench/hugo -precomputed -content "$WORK/content" -locales locales -assets templates/assets -out "$WORK/hugo-pre" >&2

# bytes of the files under a folder
bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# full_html WHERE DIR: the full HTML build of Basis and of both Hugo sites
# with inputs and outputs in DIR, the three alternating run by run (so a
# change in the machine's load falls on all three), each after `sync`, so
# none pays for writing back to the disk what the one before wrote or
# removed; sets <X>_<WHERE> (median
# seconds), <X>_<WHERE>_CPU, <X>_<WHERE>_KB (largest), <X>_<WHERE>_PAGES and
# <X>_<WHERE>_BYTES for X in B (Basis), HP (Hugo from precomputed data) and
# HC (Hugo computing in templates).
full_html() {
	local where=$1 dir=$2
	if [ "$dir" != "$WORK" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		cp -r "$WORK/content" "$WORK/hugo-site" "$WORK/hugo-pre" "$dir/"
	fi
	local -a b_t=() b_c=() hp_t=() hp_c=() hc_t=() hc_c=()
	local b_k=0 hp_k=0 hc_k=0
	for ((r = 1; r <= RUNS; r++)); do
		log "full HTML build on $where, run $r of $RUNS: basis, hugo from precomputed data, hugo computing in templates"
		rm -rf "$dir/public" "$dir/cache" && sync
		measure "basis-full-$where" "$BASIS" build --no-pdf --content "$dir/content" --out "$dir/public" --internal-out= --cache "$dir/cache"
		b_t+=("$SECS") b_c+=("$CPU") && if [ "$KB" -gt "$b_k" ]; then b_k=$KB; fi
		rm -rf "$dir/hugo-pre-public" && sync
		measure "hugo-pre-$where" "$HUGO" --quiet --source "$dir/hugo-pre" --destination "$dir/hugo-pre-public" --cacheDir "$dir/hugo-cache"
		hp_t+=("$SECS") hp_c+=("$CPU") && if [ "$KB" -gt "$hp_k" ]; then hp_k=$KB; fi
		rm -rf "$dir/hugo-public" && sync
		measure "hugo-full-$where" "$HUGO" --quiet --source "$dir/hugo-site" --destination "$dir/hugo-public" --cacheDir "$dir/hugo-cache"
		hc_t+=("$SECS") hc_c+=("$CPU") && if [ "$KB" -gt "$hc_k" ]; then hc_k=$KB; fi
		log "  seconds: basis ${b_t[-1]}, hugo from precomputed data ${hp_t[-1]}, hugo computing ${hc_t[-1]}"
	done
	printf -v "B_$where" %s "$(median "${b_t[@]}")"; printf -v "B_${where}_CPU" %s "$(median "${b_c[@]}")"; printf -v "B_${where}_KB" %s "$b_k"
	printf -v "HP_$where" %s "$(median "${hp_t[@]}")"; printf -v "HP_${where}_CPU" %s "$(median "${hp_c[@]}")"; printf -v "HP_${where}_KB" %s "$hp_k"
	printf -v "HC_$where" %s "$(median "${hc_t[@]}")"; printf -v "HC_${where}_CPU" %s "$(median "${hc_c[@]}")"; printf -v "HC_${where}_KB" %s "$hc_k"
	printf -v "B_${where}_PAGES" %s "$(find "$dir/public" -name '*.html' | wc -l)"
	printf -v "B_${where}_BYTES" %s "$(bytes "$dir/public")"
	printf -v "HP_${where}_PAGES" %s "$(find "$dir/hugo-pre-public" -name '*.html' | wc -l)"
	printf -v "HP_${where}_BYTES" %s "$(bytes "$dir/hugo-pre-public")"
	printf -v "HC_${where}_PAGES" %s "$(find "$dir/hugo-public" -name '*.html' | wc -l)"
	printf -v "HC_${where}_BYTES" %s "$(bytes "$dir/hugo-public")"
}
full_html disk "$WORK"
full_html tmpfs "$TMPFS"
rm -rf "$TMPFS"
B_FULL=$B_disk H_FULL=$HP_disk

# --- peak memory at N_BIG companies -----------------------------------------
if [ "$N_BIG" -gt 0 ]; then
	log "peak memory at $N_BIG companies"
	rm -rf "$WORK/big"
	go run ./bench/gen -n "$N_BIG" -out "$WORK/big/content" >&2
	repeat basis-big "rm -rf '$WORK/big/public' '$WORK/big/cache'" \
		"$BASIS" build --no-pdf --content "$WORK/big/content" --out "$WORK/big/public" --internal-out= --cache "$WORK/big/cache"
	BIG=$SECS BIG_KB=$KB
	rm -rf "$WORK/big"
fi

# --- 2. rebuilds -----------------------------------------------------------
log "no-op rebuild: basis"
repeat basis-noop ':' "$BASIS" build --no-pdf --content "$WORK/content" --out "$WORK/public" --internal-out= --cache "$WORK/cache"
B_NOOP=$SECS B_NOOP_KB=$KB

EDIT=$WORK/content/co-$(printf %05d $((N / 2)))/company.yaml
log "one-company edit: basis ($EDIT)"
repeat basis-edit 'sed -i "s/2 years after your last order\(\( (edit [0-9]*)\)\?\)\./2 years after your last order (edit $RUN)./" "$EDIT"' \
	"$BASIS" build --no-pdf --content "$WORK/content" --out "$WORK/public" --internal-out= --cache "$WORK/cache"
B_EDIT=$SECS B_EDIT_KB=$KB
grep -q "(edit $RUNS)" "$WORK/public/co-$(printf %05d $((N / 2)))/en/privacy.html" || log "warning: the edit did not reach the output"

log "one-company edit: hugo from precomputed data (builds everything again)"
go run ./bench/hugo -precomputed -content "$WORK/content" -locales locales -assets templates/assets -out "$WORK/hugo-pre" >&2
repeat hugo-edit ':' "$HUGO" --quiet --source "$WORK/hugo-pre" --destination "$WORK/hugo-pre-public" --cacheDir "$WORK/hugo-cache"
H_EDIT=$SECS H_EDIT_KB=$KB

# table_html prints the head of the table and the rows of stages 1 and 2.
table_html() {
	echo "Basis $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?') vs $("$HUGO" version | awk '{print $1, $2}') and $("$CHROME" --version 2>/dev/null | head -1);"
	echo "disk: $(stat -f -c %T "$WORK") ($WORK), tmpfs: $TMPFS."
	echo "$(nproc) cores, median of $RUNS run(s), $(date -u +%Y-%m-%d)."
	echo
	echo "| Stage | Basis | Other | Ratio Basis / other |"
	echo "|---|---|---|---|"
	for where in disk tmpfs; do
		b=B_$where hp=HP_$where hc=HC_$where
		bp=B_${where}_PAGES hpp=HP_${where}_PAGES hcp=HC_${where}_PAGES
		bb=B_${where}_BYTES hpb=HP_${where}_BYTES hcb=HC_${where}_BYTES
		echo "| Full HTML build on $where, $N companies × 4 languages: time per page | $(secs "${!b}"), ${!bp} pages, $(perpage "${!b}" "${!bp}") | Hugo from precomputed data $(secs "${!hp}"), ${!hpp} pages, $(perpage "${!hp}" "${!hpp}") | $(ratio "$(awk -v a="${!b}" -v n="${!bp}" 'BEGIN{print a/n}')" "$(awk -v a="${!hp}" -v n="${!hpp}" 'BEGIN{print a/n}')") per page |"
		bc=B_${where}_CPU hpc=HP_${where}_CPU hcc=HC_${where}_CPU
		echo "| Full HTML build on $where: CPU time (user + system) per page | $(secs "${!bc}"), $(perpage "${!bc}" "${!bp}") | Hugo from precomputed data $(secs "${!hpc}"), $(perpage "${!hpc}" "${!hpp}") | $(ratio "$(awk -v a="${!bc}" -v n="${!bp}" 'BEGIN{print a/n}')" "$(awk -v a="${!hpc}" -v n="${!hpp}" 'BEGIN{print a/n}')") per page |"
		echo "| Full HTML build on $where: time per byte written | $(mb "$(( ${!bb} / 1024 ))") written, $(permb "${!b}" "${!bb}") | Hugo from precomputed data $(mb "$(( ${!hpb} / 1024 ))"), $(permb "${!hp}" "${!hpb}") | $(ratio "$(awk -v a="${!b}" -v n="${!bb}" 'BEGIN{print a/n}')" "$(awk -v a="${!hp}" -v n="${!hpb}" 'BEGIN{print a/n}')") per byte |"
		echo "| Full HTML build on $where: against Hugo computing verdicts in templates | $(perpage "${!b}" "${!bp}") | Hugo $(secs "${!hc}"), ${!hcp} pages, $(perpage "${!hc}" "${!hcp}"); CPU $(perpage "${!hcc}" "${!hcp}") | $(ratio "$(awk -v a="${!b}" -v n="${!bp}" 'BEGIN{print a/n}')" "$(awk -v a="${!hc}" -v n="${!hcp}" 'BEGIN{print a/n}')") per page (CPU $(ratio "$(awk -v a="${!bc}" -v n="${!bp}" 'BEGIN{print a/n}')" "$(awk -v a="${!hcc}" -v n="${!hcp}" 'BEGIN{print a/n}')")) |"
	done
	echo "| Full HTML build: peak memory | $(mb "$B_disk_KB") | Hugo from precomputed data $(mb "$HP_disk_KB") | $(ratio "$B_disk_KB" "$HP_disk_KB") |"
	if [ "$N_BIG" -gt 0 ]; then
		echo "| Peak memory, $N_BIG companies vs $N | $(mb "$BIG_KB") ($(secs "$BIG")) | Basis at $N: $(mb "$B_disk_KB") | $(ratio "$BIG_KB" "$B_disk_KB") |"
	fi
	echo "| Rebuild, nothing changed | $(secs "$B_NOOP"), $(mb "$B_NOOP_KB") | Hugo from precomputed data $(secs "$H_FULL") (full build) | $(ratio "$B_NOOP" "$H_FULL") |"
	echo "| Rebuild after editing one company | $(secs "$B_EDIT"), $(mb "$B_EDIT_KB") | Hugo from precomputed data $(secs "$H_EDIT") (full build) | $(ratio "$B_EDIT" "$H_EDIT") |"
}

if [ "${PDF:-1}" = 0 ]; then
	table_html | tee "$WORK/results.md"
	log "PDF=0: no PDF stage; logs and results.md in $WORK"
	exit 0
fi

# --- 3. PDFs on the local browser (bench/pdflocal.sh) -----------------------
table_html | tee "$WORK/results.md"
log "PDF on the local browser: the floor, Basis${BEFORE:+, Basis at $BEFORE}, the command line"
APPEND=1 N_PDF=$N_PDF RUNS=$RUNS WORK=$WORK CHROME=$CHROME BEFORE=${BEFORE:-} bench/pdflocal.sh

# --- 4. remote browsers (bench/pdfpool.sh) ---------------------------------
log "PDF on remote browsers: the floor, one endpoint, a pool of two"
APPEND=1 N_PDF=$N_PDF RUNS=$RUNS WORK=$WORK CHROME=$CHROME BEFORE=${BEFORE:-} bench/pdfpool.sh
log "logs and results.md in $WORK"
