package site

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/pdf"
)

// browser returns Chrome or Chromium, skipping the test when there is none
// unless BASIS_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
func browser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser tests are left out")
	}
	bin, err := pdf.FindBrowser("")
	if err != nil {
		if required() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return bin
}

func poppler(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if required() {
			t.Fatalf("%s is missing (Debian: apt-get install poppler-utils)", tool)
		}
		t.Skipf("%s is missing", tool)
	}
}

// descendants lists the live processes started, directly or not, by this
// test process, with their command lines.
func descendants(t *testing.T) map[int]string {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc")
	}
	parent := map[int]int{}
	cmd := map[int]string{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) < 2 || fields[0] == "Z" {
			continue
		}
		parent[pid], _ = strconv.Atoi(fields[1])
		b, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		cmd[pid] = strings.ReplaceAll(string(b), "\x00", " ")
	}
	out := map[int]string{}
	me := os.Getpid()
	for pid := range parent {
		for p := parent[pid]; p > 1; p = parent[p] {
			if p == me {
				out[pid] = cmd[pid]
				break
			}
		}
	}
	return out
}

// noBrowserLeft fails t if a browser this test process started is alive.
// Only a test that is not parallel may call it: others' browsers count too.
func noBrowserLeft(t *testing.T) {
	t.Helper()
	for pid, cmd := range descendants(t) {
		if strings.Contains(cmd, "chrom") {
			t.Errorf("browser process %d is still alive after the build: %.120s", pid, cmd)
		}
	}
}

func TestBuildPrintsReadablePDFs(t *testing.T) {
	bin := browser(t)
	poppler(t, "pdftotext")
	poppler(t, "pdffonts")
	onlyDejaVu(t)
	content := writeContent(t, map[string]string{
		"nowak-doradztwo": example(t, "nowak-doradztwo"),
		"sen-vang":        example(t, "sen-vang"),
	})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.PDF, o.Chrome, o.Cache = true, bin, filepath.Join(dir, "cache")
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	noBrowserLeft(t)
	// 2 companies x 2 languages x every document, and 4 blank checklists.
	if want := pdfsOf(2, 2, 4); res.Printed != want || res.PDFs != want {
		t.Errorf("printed %d of %d PDFs, want %d", res.Printed, res.PDFs, want)
	}
	tests := []struct {
		pdf   string
		texts []string
	}{
		{"sen-vang/vi/privacy.pdf", []string{
			"Thông báo xử lý dữ liệu cá nhân",
			"Cho đến khi Quý khách rút lại sự đồng ý.",
			"Nếu không cung cấp các thông tin này, chúng tôi không thể giao hàng cho Quý khách.",
			"Trang 1/",
		}},
		{"nowak-doradztwo/pl/privacy.pdf", []string{
			"Do wniesienia sprzeciwu, nie dłużej niż 3 lata od zakończenia usługi.",
			"Prezes Urzędu Ochrony Danych Osobowych",
			"Strona 1 z",
		}},
		{"nowak-doradztwo/pl/fields.pdf", []string{"Numer telefonu"}},
		{"nowak-doradztwo/pl/record.pdf", []string{"Rejestr czynności przetwarzania", "Biuro Rachunkowe Kowalska", "Strona 1 z"}},
		{"nowak-doradztwo/pl/assessment.pdf", []string{"Ocena prawnie uzasadnionego interesu", "Strona 1 z"}},
		{"sen-vang/vi/record.pdf", []string{"Hồ sơ hoạt động xử lý dữ liệu cá nhân", "Trang 1/"}},
		{"checklist/vi.pdf", []string{"Chữ ký"}},
		{"nowak-doradztwo/pl/report.pdf", []string{"Raport dla klienta", "Zaakceptowane ostrzeżenia", "MeetSlot Inc.", "Strona 1 z"}},
		{"sen-vang/vi/report.pdf", []string{"Báo cáo cho khách hàng", "Các chiến dịch dự kiến"}},
	}
	for _, tt := range tests {
		readPDF(t, filepath.Join(o.Out, tt.pdf), tt.pdf, tt.texts)
	}

	// No change: no PDF printed. One company edited: only its PDFs printed.
	if res, err := Build(context.Background(), o); err != nil || !res.UpToDate {
		t.Fatalf("no-op rebuild: %+v, %v", res, err)
	}
	p := filepath.Join(content, "sen-vang", "company.yaml")
	src, _ := os.ReadFile(p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(src), "Cho đến khi Quý khách rút lại sự đồng ý.", "Cho đến khi Quý khách rút lại sự đồng ý của mình.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	// The notice and the record state the retention; the assessment of a
	// Vietnamese company, which no purpose on legitimate interests has,
	// does not.
	if res.Printed != 2 {
		t.Errorf("editing the Vietnamese retention text printed %d PDFs, want 2 (sen-vang/vi/privacy.pdf, record.pdf)", res.Printed)
	}
	noBrowserLeft(t)
}

// onlyDejaVu makes DejaVu the only font fontconfig knows, so that any
// glyph that fell back to a system font shows as DejaVu; the system's own
// Noto Sans would hide it.
func onlyDejaVu(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu"); err != nil {
		return
	}
	conf := filepath.Join(t.TempDir(), "fonts.conf")
	err := os.WriteFile(conf, []byte(`<?xml version="1.0"?>
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>`+t.TempDir()+`</cachedir></fontconfig>
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("FONTCONFIG_FILE", conf)
}

// readPDF fails t unless pdftotext finds each of texts in the PDF at p
// (named name) and every font in it is the shipped Noto Sans, embedded.
func readPDF(t *testing.T, p, name string, texts []string) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range texts {
		if !strings.Contains(text, want) {
			t.Errorf("%s: pdftotext lacks %q", name, want)
		}
	}
	fonts, err := exec.Command("pdffonts", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	if len(lines) == 0 {
		t.Errorf("%s: no fonts", name)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if !strings.Contains(f[0], "NotoSans") || !strings.Contains(l, " yes yes yes ") {
			t.Errorf("%s: font not the shipped one, or not embedded: %s", name, l)
		}
	}
}

func TestCancelledBuildLeavesOutputAndNoBrowser(t *testing.T) {
	bin := browser(t)
	content := writeContent(t, map[string]string{"baeckerei-schmidt": example(t, "baeckerei-schmidt")})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	before := tree(t, o.Out)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o.PDF, o.Chrome = true, bin
	sawBrowser := false
	o.Progress = func(done, _ int) {
		if done == 1 {
			// The process check must see the browser while it runs.
			for _, cmd := range descendants(t) {
				sawBrowser = sawBrowser || strings.Contains(cmd, "chrom")
			}
			cancel() // as Ctrl-C would, after the first PDF
		}
	}
	_, err := Build(ctx, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if !sawBrowser {
		t.Error("the process check did not see the browser while it printed")
	}
	noBrowserLeft(t)
	if after := tree(t, o.Out); len(after) != len(before) {
		t.Error("a cancelled build changed the output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a cancelled build left files beside the output: %v", entries)
	}
}
