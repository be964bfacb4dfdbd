package site

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressOnlyOnATerminal(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := newProgress(&buf, 2)
	p.update(1, 2)
	p.update(2, 2)
	p.finish()
	if buf.Len() != 0 {
		t.Errorf("not a terminal, yet progress was written: %q", buf.String())
	}
	p = newProgress(&buf, 2)
	p.tty = true // as on a terminal
	p.update(2, 2)
	if !strings.Contains(buf.String(), "PDF 2/2") || !strings.Contains(buf.String(), "/s") {
		t.Errorf("progress line lacks done/total or rate: %q", buf.String())
	}
}
