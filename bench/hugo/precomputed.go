package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// With -precomputed, the Hugo site renders the same documents from data
// that already holds what Basis computes in Go: the legal regime, the lists
// a notice filters (marketing, consent, legitimate-interest and required
// purposes, processors, transfers), the names a purpose's recipients and a
// campaign's business resolve to, each campaign's purpose, open items and
// verdict per market, each field's purpose. The layouts then only print,
// as a Hugo site fed by a program that computes its data would.

// eea is the list the layouts used to tell a transfer.
var eea = []string{"DE", "PL", "AT", "FR", "IT", "ES", "NL", "BE", "CZ", "SK", "SE", "DK", "FI", "IE", "PT"}

// precompute turns a company file into the JSON data file of the
// precomputed site: the company as it is, plus the computed keys.
func precompute(src []byte) ([]byte, error) {
	var c map[string]any
	if err := yaml.Unmarshal(src, &c); err != nil {
		return nil, err
	}
	list := func(key string) []any { l, _ := c[key].([]any); return l }
	byID := func(key, id string) map[string]any {
		for _, x := range list(key) {
			if m, ok := x.(map[string]any); ok && m["id"] == id {
				return m
			}
		}
		return nil
	}
	regime := "gdpr"
	switch c["country"] {
	case "VN":
		regime = "pdpl"
	case "UK":
		regime = "ukgdpr"
	}
	pre := map[string]any{"regime": regime}
	var marketing, consents, interests, required, transfers []any
	processors := false
	for _, x := range list("recipients") {
		r := x.(map[string]any)
		processors = processors || r["role"] == "processor"
		if !slices.Contains(eea, fmt.Sprint(r["country"])) {
			transfers = append(transfers, r)
		}
	}
	for _, x := range list("purposes") {
		p := x.(map[string]any)
		var names []any
		for _, id := range asList(p["recipients"]) {
			if r := byID("recipients", fmt.Sprint(id)); r != nil {
				names = append(names, r["name"])
			}
		}
		if len(names) > 0 {
			p["recipient_names"] = names
		}
		if m, ok := p["marketing"].(map[string]any); ok {
			if b := byID("businesses", fmt.Sprint(m["business"])); b != nil {
				p["business_name"] = b["name"]
			}
			marketing = append(marketing, p)
		}
		switch p["basis"] {
		case "consent":
			consents = append(consents, p)
		case "legitimate_interests":
			interests = append(interests, p)
		}
		if p["requirement"] != nil {
			required = append(required, p)
		}
	}
	pre["marketing"], pre["consents"], pre["interests"], pre["required"] = marketing, consents, interests, required
	pre["transfers"], pre["processors"] = transfers, processors
	for _, x := range list("campaigns") {
		cp := x.(map[string]any)
		p := byID("purposes", fmt.Sprint(cp["purpose"]))
		open := 0
		if p["basis"] == "consent" && cp["consent_records"] == nil {
			open = 1
		}
		states := map[string]any{"kind": "yes", "original_purpose": "yes", "existing_customer": "yes", "consent_records": "yes"}
		if open == 1 {
			states["consent_records"] = "open"
		}
		var verdicts []any
		for _, m := range list("markets") {
			v := "allowed"
			if cp["kind"] != "transactional" && (m == "PL" || m == "VN") && cp["consent_records"] == nil {
				v = "consent_required"
			}
			verdicts = append(verdicts, map[string]any{"market": m, "verdict": v})
		}
		cp["pre"] = map[string]any{"purpose": p, "open": open, "states": states, "verdicts": verdicts}
	}
	for _, x := range list("fields") {
		f := x.(map[string]any)
		f["pre_purpose"] = byID("purposes", fmt.Sprint(f["purpose"]))
	}
	c["pre"] = pre
	return json.Marshal(c)
}

func asList(v any) []any { l, _ := v.([]any); return l }

// precomputedLayouts are the layouts reading the computed keys instead of
// computing them; each replacement must apply, so the two sites cannot
// drift apart unnoticed.
func precomputedLayouts() (map[string]string, error) {
	out := map[string]string{}
	for name, text := range layouts {
		out[name] = text
	}
	for _, r := range []struct{ file, old, new string }{
		{"privacy.html", `{{ $reg := partial "regime.html" $c }}`, `{{ $reg := $c.pre.regime }}`},
		{"fields.html", `{{ $reg := partial "regime.html" $c }}`, `{{ $reg := $c.pre.regime }}`},
		{"fields.json", `{{ $reg := partial "regime.html" $c }}`, `{{ $reg := $c.pre.regime }}`},
		{"privacy.html", `{{ $marketing := where $c.purposes "marketing" "!=" nil }}`, `{{ $marketing := $c.pre.marketing }}`},
		{"privacy.html", `{{ $consents := where $c.purposes "basis" "consent" }}`, `{{ $consents := $c.pre.consents }}`},
		{"privacy.html", `{{ $interests := where $c.purposes "basis" "legitimate_interests" }}`, `{{ $interests := $c.pre.interests }}`},
		{"privacy.html", `{{- with .recipients }}<dt>{{ i18n "notice.purpose.recipients" }}</dt><dd>{{ range $i, $r := . }}{{ if $i }}{{ i18n "list.separator" }}{{ end }}{{ range where $c.recipients "id" $r }}{{ .name }}{{ end }}{{ end }}</dd>{{ end }}`,
			`{{- with .recipient_names }}<dt>{{ i18n "notice.purpose.recipients" }}</dt><dd>{{ delimit . (i18n "list.separator") }}</dd>{{ end }}`},
		{"privacy.html", `<p>{{ range where $c.businesses "id" .marketing.business }}{{ i18n (printf "notice.marketing.channel.%s" $p.marketing.channel) (dict "Business" (index .name $l) "Purpose" (index $p.name $l)) }}{{ end }}`,
			`<p>{{ i18n (printf "notice.marketing.channel.%s" .marketing.channel) (dict "Business" (index .business_name $l) "Purpose" (index .name $l)) }}`},
		{"privacy.html", `{{- if where $c.recipients "role" "processor" }}`, `{{- if $c.pre.processors }}`},
		{"privacy.html", `{{- $eea := slice "DE" "PL" "AT" "FR" "IT" "ES" "NL" "BE" "CZ" "SK" "SE" "DK" "FI" "IE" "PT" }}
{{- $transfers := slice }}{{ range $c.recipients }}{{ if not (in $eea .country) }}{{ $transfers = $transfers | append . }}{{ end }}{{ end }}`,
			`{{- $transfers := $c.pre.transfers }}`},
		{"privacy.html", `{{- range where $c.purposes "requirement" "!=" nil }}`, `{{- range $c.pre.required }}`},
		{"checklist.html", `{{- $p := index (where $c.purposes "id" $cp.purpose) 0 }}
{{- $open := 0 }}{{ if and (eq $p.basis "consent") (not $cp.consent_records) }}{{ $open = 1 }}{{ end }}`,
			`{{- $p := $cp.pre.purpose }}{{ $open := int $cp.pre.open }}`},
		{"checklist.html", `{{- $state := "yes" }}{{ if and (eq $k "consent_records") (eq $open 1) }}{{ $state = "open" }}{{ end }}`,
			`{{- $state := index $cp.pre.states $k }}`},
		{"checklist.html", `{{- range $m := $c.markets }}
{{- $v := "allowed" }}{{ if and (ne $cp.kind "transactional") (or (eq $m "PL") (eq $m "VN")) (not $cp.consent_records) }}{{ $v = "consent_required" }}{{ end }}`,
			`{{- range $cp.pre.verdicts }}{{ $m := .market }}{{ $v := .verdict }}`},
		{"_partials/fieldtext.html", `{{ $p := index (where .c.purposes "id" $f.purpose) 0 }}`, `{{ $p := $f.pre_purpose }}`},
	} {
		if !strings.Contains(out[r.file], r.old) {
			return nil, fmt.Errorf("layout %s no longer has %q; update precomputedLayouts", r.file, r.old)
		}
		out[r.file] = strings.Replace(out[r.file], r.old, r.new, 1)
	}
	return out, nil
}
