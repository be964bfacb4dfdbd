// Command hugo writes the Hugo site equivalent to what `basis build
// --no-pdf` makes of a content folder, for the benchmark in bench/run.sh:
// per company and language a privacy notice, a campaign checklist and a
// field page (HTML, plus fields.json), a blank checklist per language and
// an index. The company files become Hugo data files, Basis's own go-i18n
// message files become Hugo's i18n files (Hugo uses go-i18n too), and the
// layouts below follow Basis's templates section by section. What Basis
// computes in Go (the compliance verdicts, the field sentences) the
// layouts compute with template conditionals, so the two do comparable work.
//
//	go run ./bench/hugo -content /tmp/bench/content -out /tmp/bench/hugo-site
//	hugo --quiet --source /tmp/bench/hugo-site --destination /tmp/bench/hugo-public
//
// Install Hugo (the standard edition is enough) with:
//
//	go install github.com/gohugoio/hugo@v0.165.0
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

var allLangs = []string{"en", "de", "pl", "vi"}

func main() {
	content := flag.String("content", filepath.Join(os.TempDir(), "basis-bench", "content"), "Basis content folder (one folder per company)")
	locales := flag.String("locales", "locales", "Basis locales folder (<area>.<lang>.yaml)")
	assets := flag.String("assets", "templates/assets", "Basis assets folder (CSS and fonts)")
	out := flag.String("out", filepath.Join(os.TempDir(), "basis-bench", "hugo-site"), "Hugo site folder to write (replaced)")
	pre := flag.Bool("precomputed", false, "write data that holds what Basis computes in Go, and layouts that only print it")
	flag.Parse()
	if err := run(*content, *locales, *assets, *out, *pre); err != nil {
		fmt.Fprintln(os.Stderr, "bench/hugo:", err)
		os.Exit(1)
	}
}

func run(content, locales, assets, out string, pre bool) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	write := func(rel, data string) error {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(data), 0o644)
	}
	if err := write("hugo.toml", config); err != nil {
		return err
	}
	lays := layouts
	if pre {
		var err error
		if lays, err = precomputedLayouts(); err != nil {
			return err
		}
	}
	for name, text := range lays {
		if err := write("layouts/"+name, text); err != nil {
			return err
		}
	}
	// i18n: Basis's message files of each language, concatenated.
	for _, l := range allLangs {
		files, err := filepath.Glob(filepath.Join(locales, "*."+l+".yaml"))
		if err != nil {
			return err
		}
		sort.Strings(files)
		var b strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			b.Write(data)
			b.WriteString("\n")
		}
		if err := write("i18n/"+l+".yaml", b.String()); err != nil {
			return err
		}
		if err := write("content/"+l+"/_index.md", "---\ntitle: index\n---\n"); err != nil {
			return err
		}
		if err := write("content/"+l+"/checklist.md", "---\ntitle: blank checklist\nlayout: blank\n---\n"); err != nil {
			return err
		}
	}
	// The CSS and fonts, as Basis copies them.
	if err := filepath.WalkDir(assets, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(assets, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return write("static/assets/"+filepath.ToSlash(rel), string(data))
	}); err != nil {
		return err
	}
	// One data file and three pages per company and language.
	entries, err := os.ReadDir(content)
	if err != nil {
		return err
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		slug := e.Name()
		src, err := os.ReadFile(filepath.Join(content, slug, "company.yaml"))
		if err != nil {
			return err
		}
		var head struct {
			Languages []string `yaml:"languages"`
		}
		if err := yaml.Unmarshal(src, &head); err != nil {
			return fmt.Errorf("%s: %w", slug, err)
		}
		if pre {
			data, err := precompute(src)
			if err != nil {
				return fmt.Errorf("%s: %w", slug, err)
			}
			err = write("data/companies/"+slug+".json", string(data))
			if err != nil {
				return err
			}
		} else if err := write("data/companies/"+slug+".yaml", string(src)); err != nil {
			return err
		}
		for _, l := range head.Languages {
			for _, doc := range []string{"privacy", "checklist", "fields"} {
				fm := fmt.Sprintf("---\ntitle: %s\ncompany: %s\nlayout: %s\n", doc, slug, doc)
				if doc == "fields" {
					fm += "outputs: [html, json]\n"
				}
				if err := write(fmt.Sprintf("content/%s/%s/%s.md", l, slug, doc), fm+"---\n"); err != nil {
					return err
				}
			}
		}
		n++
	}
	fmt.Printf("wrote a Hugo site for %d companies to %s\n", n, out)
	return nil
}

const config = `baseURL = "http://example.invalid/"
title = "Privacy documents"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
uglyURLs = true
disableKinds = ["taxonomy", "term", "section", "rss", "sitemap", "robotstxt", "404"]
enableRobotsTXT = false

[languages.en]
  contentDir = "content/en"
  weight = 1
[languages.de]
  contentDir = "content/de"
  weight = 2
[languages.pl]
  contentDir = "content/pl"
  weight = 3
[languages.vi]
  contentDir = "content/vi"
  weight = 4

[outputs]
  home = ["html"]
  page = ["html"]
`

// layouts are the Hugo templates, following Basis's templates/*.html.
var layouts = map[string]string{
	"baseof.html": `<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Hugo">
<title>{{ block "title" . }}{{ .Title }}{{ end }}</title>
<link rel="stylesheet" href="{{ "assets/basis.css" | absURL }}">
{{- range .Translations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ end }}
</head>
<body class="doc-{{ .Layout }}">
<a class="skip" href="#main">{{ i18n "ui.skip" }}</a>
{{ block "main" . }}{{ end }}
<footer class="site">
<p>{{ i18n "ui.footer.disclaimer" }}</p>
</footer>
</body>
</html>
`,
	"_partials/nav.html": `<header class="site">
<nav aria-label="{{ i18n "ui.nav.documents" }}" class="docs">
<ul>{{ $here := .Layout }}{{ range slice "privacy" "checklist" "fields" }}<li><a href="{{ . }}.html"{{ if eq . $here }} aria-current="page"{{ end }}>{{ i18n (printf "doc.%s.short" .) }}</a></li>{{ end }}</ul>
</nav>
<nav aria-label="{{ i18n "ui.nav.languages" }}" class="langs">
<ul>{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.Lang }}</a></li>{{ end }}</ul>
</nav>
</header>
`,
	"_partials/titleblock.html": `<div class="titleblock">
<p class="company">{{ .c.controller.name }}</p>
<h1>{{ i18n (printf "doc.%s.title" .doc) }}</h1>
</div>
`,
	// tr picks the message of the company's legal regime if there is one.
	"_partials/tr.html":     `{{ $m := i18n (printf "%s.%s" .id .regime) .data }}{{ if not $m }}{{ $m = i18n .id .data }}{{ end }}{{ return $m }}`,
	"_partials/regime.html": `{{ return cond (eq .country "VN") "pdpl" (cond (eq .country "UK") "ukgdpr" "gdpr") }}`,

	"privacy.html": `{{ define "title" }}{{ $c := index hugo.Data.companies .Params.company }}{{ i18n "doc.privacy.title" }} – {{ $c.controller.name }}{{ end }}
{{ define "main" }}{{ $c := index hugo.Data.companies .Params.company }}{{ $l := .Language.Lang }}{{ $reg := partial "regime.html" $c }}
{{ partial "nav.html" . }}
{{ $marketing := where $c.purposes "marketing" "!=" nil }}
{{ $consents := where $c.purposes "basis" "consent" }}
{{ $interests := where $c.purposes "basis" "legitimate_interests" }}
<main id="main">
<article class="notice">
{{ partial "titleblock.html" (dict "c" $c "doc" "privacy") }}
<p class="effective">{{ i18n "notice.effective" (dict "Date" (time.Format ":date_long" $c.effective)) }}</p>
<p class="lead">{{ i18n (printf "notice.lead.%s" $reg) (dict "Company" $c.controller.name) }}</p>
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">{{ i18n "notice.toc" }}</h2>
<ol>
<li><a href="#controller">{{ i18n "notice.controller.title" }}</a></li>
<li><a href="#purposes">{{ i18n "notice.purposes.title" }}</a></li>
{{- if $marketing }}<li><a href="#marketing">{{ i18n "notice.marketing.title" }}</a></li>{{ end }}
<li><a href="#recipients">{{ i18n "notice.recipients.title" }}</a></li>
<li><a href="#transfers">{{ i18n (printf "notice.transfers.title.%s" $reg) }}</a></li>
<li><a href="#retention">{{ i18n "notice.retention.title" }}</a></li>
<li><a href="#rights">{{ i18n "notice.rights.title" }}</a></li>
<li><a href="#objection">{{ i18n "notice.objection.title" }}</a></li>
{{- if $consents }}<li><a href="#consent">{{ i18n "notice.consent.title" }}</a></li>{{ end }}
<li><a href="#complaint">{{ i18n "notice.complaint.title" }}</a></li>
<li><a href="#requirement">{{ i18n "notice.requirement.title" }}</a></li>
<li><a href="#automated">{{ i18n "notice.automated.title" }}</a></li>
<li><a href="#changes">{{ i18n "notice.changes.title" }}</a></li>
</ol>
</nav>
<section id="controller" aria-labelledby="controller-h">
<h2 id="controller-h">{{ i18n "notice.controller.title" }}</h2>
<p>{{ i18n (printf "notice.controller.text.%s" $reg) }}</p>
<address class="card">
<strong>{{ $c.controller.name }}</strong><br>
{{ $c.controller.address }}<br>
{{ i18n "ui.email" }}: <a href="mailto:{{ $c.controller.email }}">{{ $c.controller.email }}</a>
{{- with $c.controller.phone }}<br>{{ i18n "ui.phone" }}: {{ . }}{{ end }}
{{- with $c.controller.website }}<br>{{ i18n "ui.website" }}: <a href="{{ . }}">{{ . }}</a>{{ end }}
</address>
{{- with $c.controller.dpo }}
<p>{{ i18n "notice.dpo.text" }}</p>
<address class="card"><strong>{{ .name }}</strong><br>{{ i18n "ui.email" }}: <a href="mailto:{{ .email }}">{{ .email }}</a></address>
{{- end }}
</section>
<section id="purposes" aria-labelledby="purposes-h">
<h2 id="purposes-h">{{ i18n "notice.purposes.title" }}</h2>
<p>{{ i18n "notice.purposes.intro" (len $c.purposes) }}</p>
{{- range $c.purposes }}
<section class="purpose" id="purpose-{{ .id }}" aria-labelledby="purpose-{{ .id }}-h">
<h3 id="purpose-{{ .id }}-h">{{ index .name $l }}</h3>
<dl>
<dt>{{ i18n "notice.purpose.data" }}</dt><dd>{{ range $i, $d := .data }}{{ if $i }}{{ i18n "list.separator" }}{{ end }}{{ i18n (printf "data.%s" $d) }}{{ end }}</dd>
<dt>{{ i18n "notice.purpose.basis" }}</dt><dd>{{ i18n (printf "basis.%s" .basis) }} ({{ i18n (printf "cite.%s.%s" $reg .basis) }})</dd>
{{- with .interest }}<dt>{{ i18n "notice.purpose.interest" }}</dt><dd>{{ index . $l }}</dd>{{ end }}
{{- with .recipients }}<dt>{{ i18n "notice.purpose.recipients" }}</dt><dd>{{ range $i, $r := . }}{{ if $i }}{{ i18n "list.separator" }}{{ end }}{{ range where $c.recipients "id" $r }}{{ .name }}{{ end }}{{ end }}</dd>{{ end }}
<dt>{{ i18n "notice.purpose.retention" }}</dt><dd>{{ index .retention $l }}</dd>
</dl>
</section>
{{- end }}
</section>
{{- if $marketing }}
<section id="marketing" aria-labelledby="marketing-h">
<h2 id="marketing-h">{{ i18n "notice.marketing.title" }}</h2>
{{- range $marketing }}{{ $p := . }}
<p>{{ range where $c.businesses "id" .marketing.business }}{{ i18n (printf "notice.marketing.channel.%s" $p.marketing.channel) (dict "Business" (index .name $l) "Purpose" (index $p.name $l)) }}{{ end }}
{{- if eq .basis "consent" }} {{ i18n "notice.marketing.consent" }}{{ else }} {{ i18n (printf "notice.marketing.softoptin.%s" $reg) }}{{ end }}</p>
{{- end }}
<p class="important">{{ i18n "notice.marketing.object" }}</p>
</section>
{{- end }}
<section id="recipients" aria-labelledby="recipients-h">
<h2 id="recipients-h">{{ i18n "notice.recipients.title" }}</h2>
<p>{{ i18n "notice.recipients.intro" }}</p>
<div class="table-wrap">
<table>
<caption>{{ i18n "notice.recipients.caption" }}</caption>
<thead><tr><th scope="col">{{ i18n "notice.recipients.name" }}</th><th scope="col">{{ i18n "notice.recipients.role" }}</th><th scope="col">{{ i18n "notice.recipients.task" }}</th><th scope="col">{{ i18n "notice.recipients.country" }}</th></tr></thead>
<tbody>
{{- range $c.recipients }}
<tr><th scope="row">{{ .name }}</th><td>{{ i18n (printf "role.%s" .role) }}</td><td>{{ index .purpose $l }}</td><td>{{ i18n (printf "country.%s" .country) }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
{{- if where $c.recipients "role" "processor" }}
<p>{{ partial "tr.html" (dict "id" "notice.recipients.processors" "regime" $reg) }}</p>{{ end }}
</section>
<section id="transfers" aria-labelledby="transfers-h">
<h2 id="transfers-h">{{ i18n (printf "notice.transfers.title.%s" $reg) }}</h2>
{{- $eea := slice "DE" "PL" "AT" "FR" "IT" "ES" "NL" "BE" "CZ" "SK" "SE" "DK" "FI" "IE" "PT" }}
{{- $transfers := slice }}{{ range $c.recipients }}{{ if not (in $eea .country) }}{{ $transfers = $transfers | append . }}{{ end }}{{ end }}
{{- if $transfers }}
<ul>
{{- range $transfers }}
<li>{{ if eq $reg "pdpl" }}{{ i18n "notice.transfers.item.pdpl" (dict "Recipient" .name "Country" (i18n (printf "country.%s" .country))) }}{{ else }}{{ partial "tr.html" (dict "id" (printf "notice.transfers.item.%s" (or .safeguard "none")) "regime" $reg "data" (dict "Recipient" .name "Country" (i18n (printf "country.%s" .country)))) }}{{ end }}</li>
{{- end }}
</ul>
<p>{{ i18n "notice.transfers.copy" }}</p>
{{- else }}
<p>{{ i18n (printf "notice.transfers.none.%s" $reg) }}</p>
{{- end }}
</section>
<section id="retention" aria-labelledby="retention-h">
<h2 id="retention-h">{{ i18n "notice.retention.title" }}</h2>
<p>{{ i18n "notice.retention.intro" }}</p>
<div class="table-wrap">
<table>
<caption>{{ i18n "notice.retention.caption" }}</caption>
<thead><tr><th scope="col">{{ i18n "notice.retention.purpose" }}</th><th scope="col">{{ i18n "notice.retention.period" }}</th></tr></thead>
<tbody>
{{- range $c.purposes }}
<tr><th scope="row">{{ index .name $l }}</th><td>{{ index .retention $l }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
</section>
<section id="rights" aria-labelledby="rights-h">
<h2 id="rights-h">{{ i18n "notice.rights.title" }}</h2>
<p>{{ i18n "notice.rights.intro" (dict "Email" $c.controller.email) }}</p>
<ul class="rights">
{{- range $r := slice "access" "rectification" "erasure" "restriction" "portability" "objection" }}
<li><strong>{{ partial "tr.html" (dict "id" (printf "right.%s" $r) "regime" $reg) }}</strong> ({{ i18n (printf "cite.%s.right.%s" $reg $r) }}): {{ partial "tr.html" (dict "id" (printf "notice.right.%s" $r) "regime" $reg) }}</li>
{{- end }}
</ul>
<p>{{ partial "tr.html" (dict "id" "notice.rights.free" "regime" $reg) }}</p>
</section>
<section id="objection" class="objection" aria-labelledby="objection-h">
<h2 id="objection-h">{{ i18n "notice.objection.title" }}</h2>
{{- if $interests }}<p><strong>{{ i18n (printf "notice.objection.general.%s" $reg) }}</strong></p>{{ end }}
{{- if $marketing }}<p><strong>{{ i18n (printf "notice.objection.marketing.%s" $reg) }}</strong></p>{{ end }}
{{- if and (not $interests) (not $marketing) }}<p>{{ i18n (printf "notice.objection.none.%s" $reg) }}</p>{{ end }}
<p>{{ i18n "notice.objection.how" (dict "Email" $c.controller.email) }}</p>
</section>
{{- if $consents }}
<section id="consent" aria-labelledby="consent-h">
<h2 id="consent-h">{{ i18n "notice.consent.title" }}</h2>
<p>{{ i18n (printf "notice.consent.text.%s" $reg) }}</p>
<ul>
{{- range $consents }}
<li><strong>{{ index .name $l }}:</strong> {{ with .withdraw }}{{ index . $l }}{{ else }}{{ i18n "notice.consent.default" (dict "Email" $c.controller.email) }}{{ end }}</li>
{{- end }}
</ul>
</section>
{{- end }}
<section id="complaint" aria-labelledby="complaint-h">
<h2 id="complaint-h">{{ i18n "notice.complaint.title" }}</h2>
<p>{{ i18n (printf "notice.complaint.text.%s" $reg) }}</p>
{{- with $c.authority }}
<address class="card"><strong>{{ index .name $l }}</strong>{{ with .address }}<br>{{ . }}{{ end }}{{ with .website }}<br><a href="{{ . }}">{{ . }}</a>{{ end }}</address>
{{- end }}
</section>
<section id="requirement" aria-labelledby="requirement-h">
<h2 id="requirement-h">{{ i18n "notice.requirement.title" }}</h2>
<ul>
{{- range where $c.purposes "requirement" "!=" nil }}
<li><strong>{{ index .name $l }}:</strong> {{ i18n (printf "notice.requirement.%s" .requirement) }}{{ with .consequence }} {{ index . $l }}{{ end }}</li>
{{- end }}
</ul>
<p>{{ i18n "notice.requirement.voluntary" }}</p>
</section>
<section id="automated" aria-labelledby="automated-h">
<h2 id="automated-h">{{ i18n "notice.automated.title" }}</h2>
{{- with $c.automated_decisions }}<div class="md">{{ index . $l | markdownify }}</div>{{ else }}<p>{{ i18n (printf "notice.automated.none.%s" $reg) }}</p>{{ end }}
</section>
<section id="changes" aria-labelledby="changes-h">
<h2 id="changes-h">{{ i18n "notice.changes.title" }}</h2>
<p>{{ i18n "notice.changes.text" (dict "Date" (time.Format ":date_long" $c.effective)) }}</p>
</section>
</article>
</main>
{{ end }}
`,

	"checklist.html": `{{ define "title" }}{{ $c := index hugo.Data.companies .Params.company }}{{ i18n "doc.checklist.title" }} – {{ $c.controller.name }}{{ end }}
{{ define "main" }}{{ $c := index hugo.Data.companies .Params.company }}{{ $l := .Language.Lang }}
{{ partial "nav.html" . }}
<main id="main">
<article class="checklist">
{{ partial "titleblock.html" (dict "c" $c "doc" "checklist") }}
<p class="lead">{{ i18n "checklist.lead.company" }}</p>
<p>{{ i18n "checklist.legend" }}</p>
{{- range $i, $cp := $c.campaigns }}
{{- $p := index (where $c.purposes "id" $cp.purpose) 0 }}
{{- $open := 0 }}{{ if and (eq $p.basis "consent") (not $cp.consent_records) }}{{ $open = 1 }}{{ end }}
<section class="review" id="campaign-{{ $cp.id }}" aria-labelledby="campaign-{{ $cp.id }}-h">
<h2 id="campaign-{{ $cp.id }}-h">{{ i18n "checklist.campaign" (dict "Number" (add $i 1) "Name" (index $cp.name $l)) }}</h2>
<p>{{ i18n "checklist.open_count" $open }}</p>
{{- range $g := slice "classify" "purpose" "data" "softoptin" "consent" "document" }}
<h3>{{ i18n (printf "checklist.group.%s" $g) }}</h3>
<div class="table-wrap">
<table class="items">
<caption class="sr-only">{{ i18n (printf "checklist.group.%s" $g) }} – {{ index $cp.name $l }}</caption>
<thead><tr><th scope="col">{{ i18n "checklist.col.question" }}</th><th scope="col">{{ i18n "checklist.col.answer" }}</th><th scope="col">{{ i18n "checklist.col.state" }}</th><th scope="col">{{ i18n "checklist.col.refs" }}</th></tr></thead>
<tbody>
{{- range $k := slice "kind" "original_purpose" "existing_customer" "consent_records" }}
{{- $state := "yes" }}{{ if and (eq $k "consent_records") (eq $open 1) }}{{ $state = "open" }}{{ end }}
<tr{{ if eq $state "open" }} class="open"{{ end }}><th scope="row">{{ i18n (printf "checklist.item.%s" $k) }}</th>
<td data-label="{{ i18n "checklist.col.answer" }}">{{ index $p.name $l }}<br>{{ i18n (printf "basis.%s" $p.basis) }}<br>{{ i18n (printf "checklist.kind.%s" $cp.kind) }}</td>
<td data-label="{{ i18n "checklist.col.state" }}"><span class="state state-{{ $state }}">{{ i18n (printf "checklist.state.%s" $state) }}</span></td>
<td data-label="{{ i18n "checklist.col.refs" }}">{{ i18n (printf "cite.gdpr.%s" $p.basis) }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
{{- end }}
<h3>{{ i18n "checklist.verdicts" }}</h3>
<div class="table-wrap">
<table class="verdicts">
<thead><tr><th scope="col">{{ i18n "checklist.col.market" }}</th><th scope="col">{{ i18n "checklist.col.verdict" }}</th><th scope="col">{{ i18n "checklist.col.why" }}</th><th scope="col">{{ i18n "checklist.col.refs" }}</th></tr></thead>
<tbody>
{{- range $m := $c.markets }}
{{- $v := "allowed" }}{{ if and (ne $cp.kind "transactional") (or (eq $m "PL") (eq $m "VN")) (not $cp.consent_records) }}{{ $v = "consent_required" }}{{ end }}
<tr><th scope="row">{{ i18n (printf "country.%s" $m) }}</th>
<td data-label="{{ i18n "checklist.col.verdict" }}"><span class="verdict verdict-{{ $v }}">{{ i18n (printf "checklist.verdict.%s" $v) }}</span><br>{{ i18n (printf "basis.%s" $p.basis) }}</td>
<td data-label="{{ i18n "checklist.col.why" }}"><ul><li>{{ i18n (printf "checklist.kindhelp.%s" $cp.kind) }}</li></ul></td>
<td data-label="{{ i18n "checklist.col.refs" }}">{{ i18n (printf "cite.gdpr.%s" $p.basis) }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
<h3>{{ i18n "checklist.signoff" }}</h3>
<div class="table-wrap"><table class="signoff"><thead><tr><th scope="col">{{ i18n "checklist.sign.name" }}</th><th scope="col">{{ i18n "checklist.sign.role" }}</th><th scope="col">{{ i18n "checklist.sign.date" }}</th><th scope="col">{{ i18n "checklist.sign.signature" }}</th></tr></thead>
<tbody><tr><td></td><td></td><td></td><td></td></tr></tbody></table></div>
</section>
{{- end }}
</article>
</main>
{{ end }}
`,

	"fields.html": `{{ define "title" }}{{ $c := index hugo.Data.companies .Params.company }}{{ i18n "doc.fields.title" }} – {{ $c.controller.name }}{{ end }}
{{ define "main" }}{{ $c := index hugo.Data.companies .Params.company }}{{ $l := .Language.Lang }}{{ $reg := partial "regime.html" $c }}
{{ partial "nav.html" . }}
<main id="main">
<article class="fields">
{{ partial "titleblock.html" (dict "c" $c "doc" "fields") }}
<p class="lead">{{ partial "tr.html" (dict "id" "fields.lead" "regime" $reg) }}</p>
<div class="table-wrap">
<table>
<caption>{{ i18n "fields.caption" }}</caption>
<thead><tr><th scope="col">{{ i18n "fields.field" }}</th><th scope="col">{{ i18n "fields.status" }}</th><th scope="col">{{ i18n "fields.text" }}</th></tr></thead>
<tbody>
{{- range $c.fields }}
<tr id="field-{{ .id }}"><th scope="row">{{ index .label $l }}</th><td data-label="{{ i18n "fields.status" }}">{{ if .required }}{{ i18n "fields.required" }}{{ else }}{{ i18n "fields.optional" }}{{ end }}</td><td data-label="{{ i18n "fields.text" }}">{{ partial "fieldtext.html" (dict "c" $c "f" . "l" $l "reg" $reg) }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
<section aria-labelledby="snippets-h" class="snippets">
<h2 id="snippets-h">{{ i18n "fields.snippets.title" }}</h2>
<p>{{ i18n "fields.snippets.intro" }}</p>
{{- range $c.fields }}
<h3>{{ index .label $l }}</h3>
<pre><code>&lt;input id="{{ .id }}" name="{{ .id }}"{{ if .required }} required{{ end }} aria-describedby="{{ .id }}-help"&gt;
{{ printf "<p id=%q class=%q>%s</p>" (printf "%s-help" .id) "field-help" (partial "fieldtext.html" (dict "c" $c "f" . "l" $l "reg" $reg)) }}</code></pre>
{{- end }}
<p>{{ i18n "fields.json" }}</p>
</section>
</article>
</main>
{{ end }}
`,
	// fieldtext is the sentence beside a form field, as Basis words it.
	"_partials/fieldtext.html": `{{ $f := .f }}{{ $l := .l }}{{ $p := index (where .c.purposes "id" $f.purpose) 0 }}
{{- $req := cond $f.required "required" "optional" }}
{{- $label := lower (index $f.label $l) }}
{{- $t := "" }}
{{- if $p.benefit }}{{ $t = i18n (printf "field.benefit.%s" $req) (dict "label" $label "Label" (index $f.label $l) "Benefit" (index $p.benefit $l) "Basis" (i18n (printf "cite.%s.%s" .reg $p.basis)) "Consequence" (index ($p.consequence | default dict) $l)) }}
{{- else }}{{ $t = i18n (printf "field.purpose.%s" $req) (dict "label" $label "Label" (index $f.label $l) "Purpose" (index $p.name $l) "Basis" (i18n (printf "cite.%s.%s" .reg $p.basis)) "Consequence" (index ($p.consequence | default dict) $l)) }}{{ end }}
{{- return $t }}`,

	"fields.json": `{{ $c := index hugo.Data.companies .Params.company }}{{ $l := .Language.Lang }}{{ $reg := partial "regime.html" $c }}
{{- $out := slice }}
{{- range $c.fields }}{{ $out = $out | append (dict "field" .id "label" (index .label $l) "required" .required "text" (partial "fieldtext.html" (dict "c" $c "f" . "l" $l "reg" $reg))) }}{{ end }}
{{- jsonify (dict "lang" $l "company" $c.controller.name "fields" $out) }}
`,

	"blank.html": `{{ define "title" }}{{ i18n "doc.blank-checklist.title" }}{{ end }}
{{ define "main" }}
<main id="main">
<article class="checklist">
<div class="titleblock"><h1>{{ i18n "doc.blank-checklist.title" }}</h1></div>
<p class="lead">{{ i18n "checklist.lead.blank" }}</p>
{{- range $g := slice "classify" "purpose" "data" "softoptin" "consent" "document" }}
<h2>{{ i18n (printf "checklist.group.%s" $g) }}</h2>
<ol class="items">
{{- range $k := slice "kind" "promotion" "original_purpose" "expectations" "scope" "consent_records" }}
<li><p><strong>{{ i18n (printf "checklist.item.%s" $k) }}</strong></p><p>{{ i18n (printf "checklist.help.%s" $k) }}</p></li>
{{- end }}
</ol>
{{- end }}
</article>
</main>
{{ end }}
`,

	"home.html": `{{ define "title" }}{{ i18n "doc.index.title" }}{{ end }}
{{ define "main" }}
<main id="main">
<h1>{{ i18n "doc.index.title" }}</h1>
<p class="lead">{{ i18n "index.lead" }}</p>
<ul class="companies">
{{- range $slug, $c := hugo.Data.companies }}
<li><strong>{{ $c.controller.name }}</strong> {{ range $c.languages }}<a href="../{{ . }}/{{ $slug }}/privacy.html" hreflang="{{ . }}">{{ . }}</a> {{ end }}</li>
{{- end }}
</ul>
</main>
{{ end }}
`,
}
