package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOwnWordingThroughCLI: check notes each message a company words itself
// at its position, neither error nor warning; build lists them per company;
// a mistake in the wording is an error at its file:line:column for both,
// and the build writes nothing.
func TestOwnWordingThroughCLI(t *testing.T) {
	dir := content(t, []string{"baeckerei-schmidt"}, nil)
	own := filepath.Join(dir, "baeckerei-schmidt", "locales", "notice.de.yaml")
	code, out, errs := run(t, "check", "--content", dir)
	if code != ExitOK {
		t.Fatalf("check exit %d: %s%s", code, out, errs)
	}
	note := own + ":3:1: note reworded: baeckerei-schmidt words this message itself, in place of the shared wording in locales/: notice.rights.free (de, en)"
	if !strings.Contains(out, note) {
		t.Errorf("check output lacks the note %q:\n%s", note, out)
	}
	code, out, errs = run(t, "check", "--content", dir, "--format", "json")
	var rep struct {
		Findings []any `json:"findings"`
		Notes    []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Company string `json:"company"`
			Kind    string `json:"kind"`
			Message string `json:"message"`
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK {
		t.Fatalf("check --format json: exit %d, %v:\n%s%s", code, err, out, errs)
	}
	if len(rep.Notes) != 1 || rep.Notes[0].File != own || rep.Notes[0].Line != 3 || rep.Notes[0].Kind != "reworded" ||
		!strings.HasSuffix(rep.Notes[0].Message, ": notice.rights.free (de, en)") {
		t.Errorf("JSON notes = %+v", rep.Notes)
	}
	pub := filepath.Join(t.TempDir(), "public")
	code, out, errs = run(t, "build", "--no-pdf", "--content", dir, "--out", pub)
	if code != ExitOK || !strings.Contains(out, "baeckerei-schmidt words 1 message itself: notice.rights.free (de, en)\n") {
		t.Errorf("build exit %d, output lacks the list of own wording:\n%s%s", code, out, errs)
	}

	if err := os.WriteFile(own, []byte("notice.rigths.free: \"Kostenlos.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const msg = `message notice.rigths.free is not a message of the de locales; did you mean "notice.rights.free"?`
	want := own + ":1:1: " + msg
	code, out, errs = run(t, "check", "--content", dir)
	if code == ExitOK || !strings.Contains(out, own+":1:1: error input: "+msg) {
		t.Errorf("check exit %d, want an error %q:\n%s%s", code, want, out, errs)
	}
	pub2 := filepath.Join(t.TempDir(), "public")
	code, out, errs = run(t, "build", "--no-pdf", "--content", dir, "--out", pub2)
	if code == ExitOK || !strings.Contains(out+errs, want) {
		t.Errorf("build exit %d, want an error %q:\n%s%s", code, want, out, errs)
	}
	if _, err := os.Stat(pub2); !os.IsNotExist(err) {
		t.Errorf("a refused build wrote %s", pub2)
	}
}

// TestOwnWordingRunsNoCode: a company's own wording that holds more than
// text and the placeholders of the shared message (a loop, a template
// that calls itself, a function), or sits in the file of another area, is
// an error at its file:line:column for check and for build alike, and the
// build writes nothing. Before, check passed such wording and build then
// rendered for hours (issue 19).
func TestOwnWordingRunsNoCode(t *testing.T) {
	tests := []struct {
		name, file, text string
		at               string // line:column in file
		want             string
	}{
		{"loop", "notice.en.yaml", `notice.toc: "{{range 100000}}{{range 100000}}{{end}}{{end}}Contents"` + "\n", "1:14",
			"message notice.toc uses {{range 100000}}, but a company's own wording holds only text and the placeholders of the shared message"},
		{"recursion", "notice.en.yaml", "notice.rights.free: Free.\nnotice.toc: >-\n  Contents\n  {{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}\n", "4:3",
			`message notice.toc uses {{define "a"}}`},
		{"function", "notice.de.yaml", "notice.effective: 'Gültig ab {{printf \"%s\" .Date}}'\n", "1:30",
			`message notice.effective uses {{printf "%s" .Date}}`},
		{"another area", "ui.en.yaml", "notice.toc: Contents\n", "1:1",
			"message notice.toc is a message of notice.en.yaml, not of ui.en.yaml; move it to locales/notice.en.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := content(t, []string{"baeckerei-schmidt"}, nil)
			file := filepath.Join(dir, "baeckerei-schmidt", "locales", tt.file)
			if err := os.WriteFile(file, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			want := file + ":" + tt.at + ": " + tt.want
			// check reports a file it could not load as a finding of
			// rule input, beside the companies it could.
			code, out, errs := run(t, "check", "--content", dir)
			if code != ExitError || !strings.Contains(out+errs, file+":"+tt.at+": error input: "+tt.want) {
				t.Errorf("check exit %d, want %d and the error %q:\n%s%s", code, ExitError, want, out, errs)
			}
			pub := filepath.Join(t.TempDir(), "public")
			code, out, errs = run(t, "build", "--no-pdf", "--content", dir, "--out", pub)
			if code == ExitOK || !strings.Contains(out+errs, want) {
				t.Errorf("build exit %d, want the error %q:\n%s%s", code, want, out, errs)
			}
			if _, err := os.Stat(pub); !os.IsNotExist(err) {
				t.Errorf("a refused build wrote %s", pub)
			}
		})
	}
}
