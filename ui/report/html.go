package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"ikz/model"
	"ikz/ui/wording"
)

var (
	//go:embed report.html.tmpl
	htmlSource string
	//go:embed report.css
	cssSource string
)

// htmlTemplate is parsed once; the stylesheet is pasted into the template
// text (not passed as data) so the file stays self-contained and html/template
// never sees it as untrusted input.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"checkNote": func() string { return wording.CheckNote },
}).Parse(
	strings.Replace(htmlSource, "/*CSS*/", strings.TrimSpace(cssSource), 1)))

// Printing: report.css sets A4 pages with the paper's title and the page
// number in the page margins (@page margin boxes). Chromium draws these
// instead of its own header and footer with the date and the file path.
// Major parts start on a new page; no table row, figure or callout is cut;
// table heads repeat on every page. html/template drops CSS comments, so
// the stylesheet has none (the escape test compares it verbatim).

// HTML writes the report as one self-contained HTML file: inline CSS, no
// scripts, no external resources; every user text is escaped by
// html/template.
func HTML(w io.Writer, d Data) error {
	return htmlTemplate.Execute(w, buildView(d))
}

// Fixed sentences the template shows, from the shared wording.
func (view) Disclaimer() string      { return reportDisclaimer }
func (view) NoPros() string          { return wording.NoPros }
func (view) NoCons() string          { return wording.NoCons }
func (view) NoModel() string         { return wording.NoModel }
func (view) ScaleNote() string       { return wording.ScaleNote }
func (view) InformalName() string    { return wording.ModelName(model.Informell) }
func (view) InformalLaw() string     { return wording.InformalLaw }
func (view) NoForm() string          { return wording.NoForm }
func (view) NoLandNote() string      { return wording.NoLandNote }
func (view) NoDecision() string      { return wording.NoDecision }
func (view) NoCosts() string         { return noCosts }
func (view) ResolutionNote() string  { return resolutionNote }
func (view) ResolutionIntro() string { return resolutionIntro }

// runningTitleMax bounds the title in the page head: one line of the
// margin box.
const runningTitleMax = 70

// RunningTitle is the session title for the head of every printed page.
func (v view) RunningTitle() string {
	r := []rune(strings.Join(strings.Fields(v.Title), " "))
	if len(r) > runningTitleMax {
		return string(r[:runningTitleMax-1]) + "…"
	}
	return string(r)
}
