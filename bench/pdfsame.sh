#!/usr/bin/env bash
# bench/pdfsame.sh A B: compares the PDFs of two Basis outputs, file by
# file (every PDF under A with the same path under B), on what a reader
# sees: the text (pdftotext -layout, byte for byte), the fonts (pdffonts
# without object numbers), the page count and title (pdfinfo), the links
# (pdfinfo -url, and the named destinations of internal links, which
# Chromium writes uncompressed) and the document language. Links into the
# site are compared by their path in it: a PDF links a page of its own
# site by the address it was printed from, a file: address in the build's
# staging folder (whose name changes from build to build) or, printed
# remotely, http://basis.invalid/. It prints one
# line per difference and a summary, and exits 1 if any PDF differs or is
# missing from B.
#
#   bench/pdfsame.sh before/public after/public
set -euo pipefail
A=${1:?usage: pdfsame.sh A B}
B=${2:?usage: pdfsame.sh A B}

# facts FILE KIND: one kind of fact of a PDF, as text.
facts() {
	case $2 in
	text) pdftotext -enc UTF-8 -layout "$1" - ;;
	fonts) pdffonts "$1" | tail -n +3 | awk '{ NF -= 2; print }' ;;
	pages) pdfinfo "$1" | sed -n 's/^\(Pages\|Title\):[[:space:]]*//p' ;;
	links) {
		pdfinfo -url "$1" | tail -n +2 | sed 's#file://[^ ]*/\.[^/ ]*\.build-[a-z0-9]*/#SITE/#; s#http://basis\.invalid/#SITE/#'
		grep -a -o '/Dest /[^[:space:]/>]*\|/Lang ([^)]*)' "$1" | sort
	} ;;
	esac
}

n=0 bad=0
while IFS= read -r -d '' f; do
	rel=${f#"$A"/}
	n=$((n + 1))
	if [ ! -f "$B/$rel" ]; then
		echo "$rel: missing from $B"
		bad=$((bad + 1))
		continue
	fi
	same=1
	for kind in text fonts pages links; do
		if ! cmp -s <(facts "$f" $kind) <(facts "$B/$rel" $kind); then
			echo "$rel: the $kind differ"
			same=0
		fi
	done
	if [ $same = 0 ]; then bad=$((bad + 1)); fi
done < <(find "$A" -name '*.pdf' -print0 | sort -z)
if [ "$n" -eq 0 ]; then
	echo "no PDF under $A"
	exit 1
fi
echo "$((n - bad)) of $n PDFs the same in text, fonts, page count, title, links and language"
[ "$bad" -eq 0 ]
