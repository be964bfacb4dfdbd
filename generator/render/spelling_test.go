package render

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// dictionaries are the Debian hunspell dictionaries each language is
// checked with (packages hunspell-en-gb, hunspell-de-de, hunspell-pl,
// hunspell-vi).
var dictionaries = map[string]string{"en": "en_GB", "de": "de_DE", "pl": "pl_PL", "vi": "vi_VN"}

// dictionaryDirs are where Debian installs hunspell dictionaries.
var dictionaryDirs = []string{"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"}

// spellerMissing says why the spelling check cannot run here, or "".
func spellerMissing() string {
	if _, err := exec.LookPath("hunspell"); err != nil {
		return "hunspell is not installed (apt-get install hunspell)"
	}
	for lang, d := range dictionaries {
		found := false
		for _, dir := range dictionaryDirs {
			if _, err := os.Stat(filepath.Join(dir, d+".dic")); err == nil {
				found = true
			}
		}
		if !found {
			return fmt.Sprintf("the %s dictionary %s is not installed", lang, d)
		}
	}
	return ""
}

// needSpeller skips a test without hunspell and its dictionaries, unless
// BASIS_REQUIRE_BROWSER=1 (CI, where .ci/run installs them) makes that a
// failure.
func needSpeller(t *testing.T) {
	t.Helper()
	if why := spellerMissing(); why != "" {
		if os.Getenv("BASIS_REQUIRE_BROWSER") == "1" {
			t.Fatalf("BASIS_REQUIRE_BROWSER=1: %s", why)
		}
		t.Skip(why)
	}
}

// misspelt returns the words of text hunspell does not know in lang.
func misspelt(t *testing.T, lang, text string) []string {
	t.Helper()
	cmd := exec.Command("hunspell", "-i", "UTF-8", "-d", dictionaries[lang], "-l")
	cmd.Stdin = strings.NewReader(text)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("hunspell %s: %v: %s", dictionaries[lang], err, stderr.String())
	}
	return strings.Fields(out.String())
}

// readWords reads the project word lists for lang: locales/words/<lang>.txt
// (legal abbreviations and terms Basis writes) and testdata/names.txt (the
// names in the example companies); one word a line, # starts a comment.
func readWords(t *testing.T, lang string) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	for _, name := range []string{filepath.Join("..", "..", "locales", "words", lang+".txt"), filepath.Join("testdata", "names.txt")} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
				words[w] = true
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return words
}

// code finds what a page shows as code (the HTML snippets for web
// developers), which is no prose.
var code = regexp.MustCompile(`(?s)<pre\b.*?</pre>|<code\b.*?</code>`)

// otherLang finds an element in another language than the page, such as
// the language switcher's "English" on a German page.
var otherLang = regexp.MustCompile(`<a\b[^>]*\slang="([a-z]+)"[^>]*>[^<]*</a>`)

// proseOf is the text of page in lang to spell-check: no code, no words in
// another language.
func proseOf(page []byte, lang string) string {
	s := code.ReplaceAll(page, nil)
	s = otherLang.ReplaceAllFunc(s, func(m []byte) []byte {
		if string(otherLang.FindSubmatch(m)[1]) != lang {
			return nil
		}
		return m
	})
	return documentText(s)
}

// TestSpelling puts the text of every document of every example in every
// language it is published in, and of the blank checklists, through
// hunspell; a word neither the dictionary nor the project word lists know
// fails the test.
func TestSpelling(t *testing.T) {
	needSpeller(t)
	r := newTestRenderer(t)
	texts := map[string]map[string]string{} // lang -> document -> text
	add := func(lang, doc string, page []byte) {
		if texts[lang] == nil {
			texts[lang] = map[string]string{}
		}
		texts[lang][doc] = proseOf(page, lang)
	}
	for _, c := range examples(t) {
		for _, lang := range c.Languages {
			for _, d := range companyDocuments(t, r, c, lang) {
				add(lang, c.Slug+"/"+lang+"/"+d.name, d.page)
			}
		}
	}
	for lang := range dictionaries {
		page, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		add(lang, "checklist/"+lang, page)
	}
	checked := 0
	for _, lang := range sortedLangs(texts) {
		known := readWords(t, lang)
		var all strings.Builder
		for _, text := range texts[lang] {
			all.WriteString(text + "\n")
			checked++
		}
		seen := map[string]bool{}
		for _, w := range misspelt(t, lang, all.String()) {
			if known[w] || seen[w] {
				continue
			}
			seen[w] = true
			var docs []string
			for doc, text := range texts[lang] {
				if strings.Contains(text, w) {
					docs = append(docs, doc)
				}
			}
			sort.Strings(docs)
			t.Errorf("%s: %q is unknown (in %s); correct it, or add it to locales/words/%s.txt (terms) or testdata/names.txt (names)",
				lang, w, strings.Join(docs, ", "), lang)
		}
	}
	if checked < 20 {
		t.Errorf("checked only %d documents", checked)
	}
}

func sortedLangs[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestSpellingCatches: the check finds a misspelt word in each language, so
// TestSpelling cannot pass by finding nothing.
func TestSpellingCatches(t *testing.T) {
	needSpeller(t)
	for lang, text := range map[string]string{
		"en": "Your personal dta is safe.",
		"de": "Ihre personenbezogenen Datn sind sicher.",
		"pl": "Państwa dane osobowe są bezpieczme.",
		"vi": "Dữ liệu cá nhân của Quý khách được bảo vêk.",
	} {
		if got := misspelt(t, lang, text); len(got) != 1 {
			t.Errorf("%s: hunspell found %v in %q, want one word", lang, got, text)
		}
	}
}
