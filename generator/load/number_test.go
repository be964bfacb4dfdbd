package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRecency: audience recency: is a whole number of months from 1 to
// 120, written as a number; anything else is an error at the value that
// says what to write.
func TestRecency(t *testing.T) {
	path := filepath.Join("..", "audience", "testdata", "shop", "company.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if k := c.Campaigns[0]; k.Audience.Recency != 36 || len(k.UsedBy) != 1 || k.UsedBy[0].In("de") != "Marketing des Ladens" {
		t.Fatalf("autumn-tea: recency %d, used_by %v", k.Audience.Recency, k.UsedBy)
	}
	for _, bad := range []string{"0", "121", "two years", `"24"`, "2.5"} {
		edited := strings.Replace(string(src), "recency: 36", "recency: "+bad, 1)
		_, err := Parse(path, []byte(edited))
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Error(), "whole number of months from 1 to 120") || errs[0].Pos.Line == 0 {
			t.Errorf("recency: %s: %v", bad, err)
		}
	}
}
