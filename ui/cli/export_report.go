package cli

import (
	"fmt"
	"io"

	"ikz/model"
	"ikz/store"
	"ikz/ui/report"
)

// The protocol formats of "ikz export": the same report as x in the TUI,
// built by report.Load (session, score, snapshots, last comparison) and
// written by report.Render. They need the store itself rather than an
// exported document, so runExport hands them to exportReport.
func init() {
	ExportFormats["md"] = ExportFormat{Summary: "Bericht als Markdown (zum Weiterbearbeiten)"}
	ExportFormats["html"] = ExportFormat{Summary: "Bericht als eine HTML-Datei (zum Ansehen, Drucken, PDF)"}
}

// isReport reports whether format is one of the report formats.
func isReport(format string) bool { return format == "md" || format == "html" }

// exportReport writes the report of session id to out ("" or "-": stdout).
// The target has been checked (checkOutput).
func exportReport(env Env, s *store.Store, id, format, out string) int {
	data, err := report.Load(s, id, env.Now())
	if err != nil {
		return fail(env, "export", err)
	}
	render := func(w io.Writer) error { return report.Render(w, format, data) }
	if out == "" || out == "-" {
		if err := render(env.Stdout); err != nil {
			return fail(env, "export", fmt.Errorf("Ausgabe fehlgeschlagen: %w", err))
		}
		return 0
	}
	if err := writeFileAtomic(out, render); err != nil {
		return fail(env, "export", err)
	}
	fmt.Fprintf(env.Stderr, "Bericht über „%s“ (%s) geschrieben nach %s.\n", model.SafeLine(data.Session.Title), id, out)
	return 0
}
