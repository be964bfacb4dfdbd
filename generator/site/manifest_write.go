package site

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
)

// encode writes m as JSON, the same as json.Marshal(m) gives, one output
// at a time, so a manifest of many files is never held twice in memory.
func (m *manifest) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	head := struct {
		Out       string                  `json:"out"`
		Inputs    string                  `json:"inputs"`
		Sources   string                  `json:"sources"`
		Program   programStamp            `json:"program"`
		Companies map[string]companyEntry `json:"companies"`
	}{m.Out, m.Inputs, m.Sources, m.Program, m.Companies}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	bw.Write(b[:len(b)-1]) // without the closing brace
	bw.WriteString(`,"outputs":{`)
	rels := make([]string, 0, len(m.Outputs))
	for rel := range m.Outputs {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for i, rel := range rels {
		if i > 0 {
			bw.WriteByte(',')
		}
		k, err := json.Marshal(rel)
		if err != nil {
			return err
		}
		v, err := json.Marshal(m.Outputs[rel])
		if err != nil {
			return err
		}
		bw.Write(k)
		bw.WriteByte(':')
		bw.Write(v)
	}
	bw.WriteString("}}")
	return bw.Flush()
}
