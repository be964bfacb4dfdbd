package site

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestManifestEncodeIsMarshal checks that the streamed manifest is the
// JSON json.Marshal writes, byte for byte.
func TestManifestEncodeIsMarshal(t *testing.T) {
	t.Parallel()
	m := &manifest{Out: "/srv/public", Inputs: "i", Sources: "s",
		Program:   programStamp{Path: "/bin/basis", Size: 3, MTime: 4, Hash: "h"},
		Companies: map[string]companyEntry{"a": {Key: "k", Name: `A "&" <B>`, Languages: []string{"en", "de"}}},
		Outputs: map[string]entry{
			"index.html":  {Key: digest{1}, Size: 3, MTime: 4},
			"a/en/x.html": {Key: digest{5}, Size: 7, MTime: 8},
			"a/ü <&>.pdf": {Key: digest{9}, Size: 11, MTime: 12},
		}}
	want, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := m.encode(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
	for _, empty := range []map[string]entry{{}, nil} {
		m.Outputs = empty
		want, _ := json.Marshal(m)
		got.Reset()
		if err := m.encode(&got); err != nil {
			t.Fatal(err)
		}
		var back manifest
		if err := json.Unmarshal(got.Bytes(), &back); err != nil {
			t.Errorf("%s: %v (json.Marshal: %s)", got.String(), err, want)
		}
	}
}
