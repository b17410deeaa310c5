package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
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
var htmlTemplate = template.Must(template.New("report").Parse(
	strings.Replace(htmlSource, "/*CSS*/", strings.TrimSpace(cssSource), 1)))

// HTML writes the report as one self-contained HTML file: inline CSS, no
// scripts, no external resources; every user text is escaped by
// html/template.
func HTML(w io.Writer, d Data) error {
	return htmlTemplate.Execute(w, buildView(d))
}
