package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildWord checks --docx writes the Word documents and reports them,
// and a second build reports them unchanged.
func TestBuildWord(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, errs := run(t, "build", "--content", dir, "--out", out, "--no-pdf", "--docx")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// 2 languages × 6 documents (notice, checklist, fields, record, assessment, client report), and the blank checklist in 4 languages.
	if !strings.Contains(stdout, "Word: 16 documents (16 written, 0 unchanged) in ") {
		t.Errorf("the build does not report the Word documents:\n%s", stdout)
	}
	internal := filepath.Join(filepath.Dir(out), "internal") // the internal documents, beside public
	for _, p := range []string{filepath.Join(out, "sen-vang/vi/privacy.docx"), filepath.Join(internal, "sen-vang/en/checklist.docx"),
		filepath.Join(out, "sen-vang/vi/fields.docx"), filepath.Join(internal, "checklist/pl.docx"),
		filepath.Join(internal, "sen-vang/vi/record.docx"), filepath.Join(internal, "sen-vang/en/assessment.docx")} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	if _, stdout, _ = run(t, "build", "--content", dir, "--out", out, "--no-pdf", "--docx", "--force"); !strings.Contains(stdout, "Word: 16 documents (0 written, 16 unchanged)") {
		t.Errorf("a rebuild does not report the Word documents unchanged:\n%s", stdout)
	}
	if _, stdout, _ = run(t, "build", "--content", dir, "--out", out, "--no-pdf"); strings.Contains(stdout, "Word:") {
		t.Errorf("a build without --docx reports Word documents:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "sen-vang", "vi", "privacy.docx")); !os.IsNotExist(err) {
		t.Errorf("a build without --docx left privacy.docx: %v", err)
	}
}
