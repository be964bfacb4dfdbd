package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/internal/golden"
)

// TestExplain runs basis explain in-process: a rule's text, provisions and
// sources as text and JSON (goldens under testdata/explain/), the list of
// every rule, and a mistyped rule refused with the rule meant.
func TestExplain(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"transfer.adequacy-dpf.txt", []string{"explain", "transfer.adequacy-dpf"}},
		{"consent.pre-ticked.json", []string{"explain", "--format", "json", "consent.pre-ticked"}},
		{"accept.invalid.txt", []string{"explain", "accept.invalid"}},
	} {
		var out, errb bytes.Buffer
		if code := Run(context.Background(), tt.args, &out, &errb); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errb.String())
		}
		golden.Check(t, "testdata/explain/"+tt.name, out.Bytes())
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"explain", "--format", "json"}, &out, &errb); code != ExitOK {
		t.Fatalf("explain --format json: exit %d: %s", code, errb.String())
	}
	var all []struct{ ID string }
	if err := json.Unmarshal(out.Bytes(), &all); err != nil || len(all) != len(check.Rules) {
		t.Errorf("explain --format json lists %d rules (%v), want %d", len(all), err, len(check.Rules))
	}
	out.Reset()
	code := Run(context.Background(), []string{"explain", "transfer.adequacy-dfp"}, &out, &errb)
	if code != ExitInput || out.Len() != 0 || !strings.Contains(errb.String(), `did you mean "transfer.adequacy-dpf"?`) {
		t.Errorf("a mistyped rule: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}
