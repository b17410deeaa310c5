package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/ui/report"
	"ikz/wizard"
)

// exportDialog asks where to write the report of the open session (x in
// the session screen). The extension picks the format; an existing file
// is only replaced after a yes.
type exportDialog struct {
	d    tabDeps
	id   string
	dir  string // relative paths are resolved here ("" = working directory)
	path *string
	form *huh.Form
	// confirm is the resolved path waiting for "overwrite?".
	confirm string
	err     error // the last failed attempt, shown above the field
	width   int
}

// Messages of the dialog to the session screen.
type (
	// exportClosedMsg: the dialog was cancelled.
	exportClosedMsg struct{}
	// exportedMsg: the report was written to path (absolute).
	exportedMsg struct{ path string }
	// exportFailedMsg: writing failed; the dialog stays open to fix the path.
	exportFailedMsg struct{ err error }
)

func newExportDialog(d tabDeps, sess *model.Session, dir string) *exportDialog {
	p := defaultExportName(sess.Title, d.now().Format(model.DateLayout))
	e := &exportDialog{d: d, id: sess.ID, dir: dir, path: &p}
	e.buildForm()
	return e
}

// defaultExportName is "<title-slug>-<ISO date>.html".
func defaultExportName(title, isoDay string) string {
	slug := slugify(title)
	if slug == "" {
		slug = "ikz-bericht"
	}
	return slug + "-" + isoDay + ".html"
}

// slugify turns a title into a file-name part: lower case, German umlauts
// spelled out, anything else but letters and digits as "-".
func slugify(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "ae", "Ö", "oe", "Ü", "ue", "ß", "ss")
	s = strings.ToLower(r.Replace(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// exportFormat returns "md" or "html" from the file's extension.
func exportFormat(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(strings.TrimSpace(path))) {
	case ".html", ".htm":
		return "html", nil
	case ".md", ".markdown":
		return "md", nil
	}
	return "", errors.New("Der Dateiname muss auf .html (zum Ansehen und Drucken) oder .md (Markdown) enden.")
}

func validateExportPath(p string) error {
	if strings.TrimSpace(p) == "" {
		return errors.New("Bitte einen Dateinamen angeben, z. B. bericht.html.")
	}
	_, err := exportFormat(p)
	return err
}

const exportHelp = "Endung .html: eine Datei zum Ansehen und Drucken (PDF). Endung .md: Markdown zum Weiterbearbeiten."

func (e *exportDialog) buildForm() {
	in := huh.NewInput().
		Key("path").
		Title("Bericht speichern unter").
		Description(exportHelp).
		Validate(validateExportPath).
		Value(e.path)
	e.form = huh.NewForm(huh.NewGroup(in)).
		WithTheme(e.d.styles.HuhTheme()).
		WithKeyMap(wizard.KeyMap()).
		WithShowHelp(false).
		WithShowErrors(false). // shown above the field, see View
		WithWidth(e.formWidth()).
		WithHeight(e.formHeight())
}

// formHeight: title, help text and input.
func (e *exportDialog) formHeight() int { return 1 + huhHeight(exportHelp, e.formWidth()) + 1 }

func (e *exportDialog) formWidth() int { return max(min(e.width-8, 90), 40) }

func (e *exportDialog) Init() tea.Cmd { return e.form.Init() }

// SetSize fits the dialog into the content box of the session screen.
func (e *exportDialog) SetSize(w, _ int) {
	e.width = w
	e.form = e.form.WithWidth(e.formWidth()).WithHeight(e.formHeight())
}

// resolve makes path absolute (relative to dir) and expands "~/".
func (e *exportDialog) resolve(p string) (string, error) {
	p = strings.TrimSpace(p)
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("Persönlicher Ordner unbekannt (%v) – bitte den vollständigen Pfad angeben.", err)
		}
		p = filepath.Join(home, rest)
	}
	if !filepath.IsAbs(p) {
		dir := e.dir
		if dir == "" {
			wd, err := os.Getwd()
			if err != nil {
				return "", fmt.Errorf("Arbeitsordner unbekannt (%v) – bitte den vollständigen Pfad angeben.", err)
			}
			dir = wd
		}
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p), nil
}

// Update handles the dialog's keys; it reports upward with exportClosedMsg
// or, via the write command, exportedMsg / errMsg.
func (e *exportDialog) Update(msg tea.Msg) tea.Cmd {
	if f, ok := msg.(exportFailedMsg); ok {
		e.err, e.confirm = f.err, ""
		e.buildForm()
		return e.form.Init()
	}
	if k, ok := msg.(tea.KeyMsg); ok && e.confirm != "" {
		switch k.String() {
		case "j", "J", "y", "Y":
			path := e.confirm
			return writeReportCmd(e.d, e.id, path, true)
		case "n", "N", "esc":
			e.confirm = ""
			e.buildForm() // a completed form takes no more input: start afresh
			return e.form.Init()
		}
		return nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		return func() tea.Msg { return exportClosedMsg{} }
	}
	_, cmd := e.form.Update(msg)
	if e.form.State != huh.StateCompleted {
		return cmd
	}
	path, err := e.resolve(*e.path)
	if err != nil {
		return func() tea.Msg { return exportFailedMsg{err} }
	}
	if _, err := os.Stat(path); err == nil {
		e.confirm = path
		return nil
	}
	return writeReportCmd(e.d, e.id, path, false)
}

// Capturing: the path field takes every printable key.
func (e *exportDialog) Capturing() bool { return true }

func (e *exportDialog) View() string {
	s := e.d.styles
	if e.confirm != "" {
		w := e.formWidth()
		return s.Dialog.Render(
			para(s.Title, "Die Datei gibt es schon:", w) + "\n" +
				para(s.Text, e.confirm, w) + "\n\n" +
				s.Muted.Render("Überschreiben?") + "\n\n" +
				s.DialogKey.Render("j") + s.Text.Render(" ja, überschreiben    ") +
				s.DialogKey.Render("n") + s.Text.Render(" nein, anderen Namen wählen"))
	}
	w := e.formWidth()
	v := e.form.View()
	err := e.err
	if errs := e.form.Errors(); len(errs) > 0 {
		err = errs[0]
	}
	if err != nil {
		v = para(s.Error, "✗ "+err.Error(), w) + "\n\n" + v
	}
	dir := e.dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	v += "\n\n" + s.Faint.Render(truncate("Ohne Ordnerangabe landet die Datei in "+dir, w))
	return s.Dialog.Render(v)
}

func (e *exportDialog) KeyMap() help.KeyMap {
	if e.confirm != "" {
		return keyMap{short: []key.Binding{
			key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "überschreiben")),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n/esc", "anderer Name")),
		}}
	}
	k := keyMap{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "speichern")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "abbrechen")),
	}}
	k.full = [][]key.Binding{k.short}
	return k
}

// writeReportCmd renders the report and writes it to path. Without
// overwrite an existing file is never replaced (it may have appeared since
// the check); with it the file is replaced atomically.
func writeReportCmd(d tabDeps, id, path string, overwrite bool) tea.Cmd {
	return func() tea.Msg {
		if err := writeReport(d, id, path, overwrite); err != nil {
			return exportFailedMsg{err}
		}
		return exportedMsg{path: path}
	}
}

func writeReport(d tabDeps, id, path string, overwrite bool) error {
	format, err := exportFormat(path)
	if err != nil {
		return err
	}
	data, err := report.Load(d.store, id, d.now())
	if err != nil {
		return err
	}
	if err := report.WriteFile(path, format, data, overwrite); err != nil {
		return exportError(path, err)
	}
	return nil
}

// exportError explains in German what went wrong with which file.
func exportError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("Bericht nicht geschrieben: %s gibt es inzwischen schon – bitte erneut x drücken und bestätigen oder einen anderen Namen wählen", path)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("Bericht nicht geschrieben: den Ordner %s gibt es nicht – bitte einen vorhandenen Ordner wählen", filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("Bericht nicht geschrieben: keine Schreibrechte für %s – bitte einen anderen Ordner wählen", path)
	}
	return fmt.Errorf("Bericht nicht geschrieben nach %s: %v – bitte Pfad und freien Speicher prüfen", path, err)
}
