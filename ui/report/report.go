// Package report writes the protocol of a session to hand on to a council
// or steering circle (issue 5 §4): Markdown for editing and mail, and one
// self-contained HTML file that prints well to PDF.
//
// Both formats render the same view (view.go), so they never disagree.
// User text is escaped in both: html/template in HTML, mdInline/mdCell in
// Markdown.
package report

import (
	"fmt"
	"io"
	"time"

	"ikz/model"
)

// Snapshot is one saved state of the session (e.g. taken at a review).
type Snapshot struct {
	ID      string
	Label   string
	At      time.Time
	Session *model.Session
}

// Data is everything a report shows.
type Data struct {
	Session   *model.Session
	Result    model.Result // model.Score of Session.Profile
	Snapshots []Snapshot   // oldest first
	// LastComparison compares ComparedWith with the current session (nil:
	// no snapshot yet).
	LastComparison *model.Comparison
	ComparedWith   *Snapshot
	Generated      time.Time
}

// Formats lists the supported formats for messages and flag help.
var Formats = []string{"md", "html"}

// Render writes the report in format "md" or "html".
func Render(w io.Writer, format string, d Data) error {
	switch format {
	case "md", "markdown":
		return Markdown(w, d)
	case "html", "htm":
		return HTML(w, d)
	}
	return fmt.Errorf("unbekanntes Berichtsformat %q – bitte md oder html angeben", format)
}
