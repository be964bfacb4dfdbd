package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
)

// TestMessages runs basis messages in-process on the examples: a company's
// messages of one area with their current text per language, its own
// wording marked (golden under testdata/messages/); a company in Vietnam
// gets the variants its law uses, not the messages they replace, nor other
// laws' variants; without a company, every language; an unknown area is
// refused with the areas there are.
func TestMessages(t *testing.T) {
	code, out, errs := run(t, "messages", "--content", "../../content", "--area", "versions", "baeckerei-schmidt")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden.Check(t, "testdata/messages/baeckerei-schmidt.versions.txt", []byte(out))

	code, out, errs = run(t, "messages", "--content", "../../content", "--format", "json", "--area", "notice", "baeckerei-schmidt")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	list := decodeWordings(t, out)
	free := list["notice.rights.free"]
	if de := free.Texts["de"]; !de.Own || !strings.Contains(de.Text, "innerhalb einer Woche") || !strings.HasSuffix(de.File, "baeckerei-schmidt/locales/notice.de.yaml") {
		t.Errorf("the bakery's own German wording of notice.rights.free: %+v", de)
	}
	if _, ok := free.Texts["pl"]; ok {
		t.Error("the bakery publishes no Polish, but a Polish text is listed")
	}
	if intro := list["notice.rights.intro"].Texts["en"]; intro.Own || !strings.Contains(intro.Text, "{{.Email}}") {
		t.Errorf("notice.rights.intro: %+v, want the shared template with its placeholder", intro)
	}

	code, out, errs = run(t, "messages", "--content", "../../content", "--format", "json", "--area", "notice", "sen-vang")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	vn := decodeWordings(t, out)
	if _, ok := vn["notice.rights.free"]; ok {
		t.Error("sen-vang lists notice.rights.free, which its law replaces by notice.rights.free.pdpl")
	}
	if _, ok := vn["notice.rights.free.pdpl"]; !ok {
		t.Error("sen-vang does not list notice.rights.free.pdpl")
	}
	for id := range vn {
		if strings.HasSuffix(id, ".gdpr") || strings.HasSuffix(id, ".ukgdpr") {
			t.Errorf("sen-vang lists %s, another law's variant", id)
		}
	}

	code, out, _ = run(t, "messages", "--format", "json", "--area", "ui")
	if all := decodeWordings(t, out); code != ExitOK || len(all["ui.pdf"].Texts) != 4 {
		t.Errorf("without a company: exit %d, ui.pdf in %d languages, want 4", code, len(all["ui.pdf"].Texts))
	}
	code, _, errs = run(t, "messages", "--area", "notices")
	if code != ExitInput || !strings.Contains(errs, "the areas are") || !strings.Contains(errs, "notice,") {
		t.Errorf("an unknown area: exit %d, %q", code, errs)
	}
}

// decodeWordings reads basis messages --format json, by id.
func decodeWordings(t *testing.T, out string) map[string]wording {
	t.Helper()
	var list []wording
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	byID := map[string]wording{}
	for _, w := range list {
		byID[w.ID] = w
	}
	return byID
}
