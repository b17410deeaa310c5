package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
	"ikz/wizard"
)

// confirmDialog asks before a session goes to the trash.
type confirmDialog struct{ sum store.Summary }

func (c *confirmDialog) View(s *Styles) string {
	title := truncate(c.sum.Title, 50)
	return s.Dialog.Render(
		s.Title.Render("„"+title+"“ in den Papierkorb legen?") + "\n\n" +
			s.Muted.Render("Sie können die Sitzung danach wiederherstellen.") + "\n\n" +
			s.DialogKey.Render("j") + s.Text.Render(" ja, löschen    ") +
			s.DialogKey.Render("n") + s.Text.Render(" nein"))
}

// renameDialog edits the data of a session: title, Schulträger and the
// participating municipalities (r on the start screen). Enter in the last
// field stores them as one undoable change.
type renameDialog struct {
	sum   store.Summary
	sess  *model.Session // as loaded: what the cost rows are matched against
	title *string
	draft *wizard.NewSession
	form  *huh.Form
	s     *Styles
}

func newRenameDialog(d tabDeps, sum store.Summary) *renameDialog {
	title := sum.Title
	draft := &wizard.NewSession{Title: sum.Title, Traeger: sum.Traeger}
	r := &renameDialog{sum: sum, title: &title, draft: draft, s: d.styles}
	if sess, err := d.store.Get(sum.ID); err == nil {
		draft.Traeger = sess.Traeger
		draft.Municipalities = strings.Join(sess.Municipalities, ", ")
		r.sess = sess
	}
	r.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().
			Key("title").
			Title("Titel").
			CharLimit(wizard.TitleLimit).
			Validate(wizard.ValidateTitle).
			Value(r.title),
		huh.NewInput().Key("traeger").Title("Schulträger").Value(&draft.Traeger),
		huh.NewInput().Key("municipalities").Title("Beteiligte Kommunen").
			Description("Durch Komma getrennt; sie zählen auch als „Zahl der beteiligten Kommunen“.").
			Value(&draft.Municipalities),
	)).WithTheme(d.styles.HuhTheme()).WithKeyMap(wizard.KeyMap()).WithShowHelp(false).WithWidth(64)
	// huh measures a group before the width wraps the descriptions, which
	// hid the last input line until it had the focus; a size message
	// measures it again with the wrapping.
	r.form.Update(tea.WindowSizeMsg{Width: 64, Height: 40})
	return r
}

func (r *renameDialog) Init() tea.Cmd { return r.form.Init() }

// Update forwards msg to the form and reports whether it was submitted.
func (r *renameDialog) Update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	_, cmd = r.form.Update(msg)
	return r.form.State == huh.StateCompleted, cmd
}

// change is the session data as one change of sess.
func (r *renameDialog) change(sess *model.Session) model.Change {
	return model.SessionDataChange(sess, strings.TrimSpace(*r.title), strings.TrimSpace(r.draft.Traeger), wizard.SplitList(r.draft.Municipalities))
}

// costRowsKept names the municipalities left out whose cost rows stay.
func (r *renameDialog) costRowsKept(sess *model.Session) []string {
	return model.CostRowsKept(sess, strings.TrimSpace(r.draft.Traeger), wizard.SplitList(r.draft.Municipalities))
}

// costNote says what the edit does to the cost-sharing sheet: renamed
// rows follow the new name; a removed municipality's row stays (its
// figures were typed by someone – they are deleted on the Kostenverteilung
// page, not by leaving a name out here).
func (r *renameDialog) costNote() string {
	if r.sess == nil || r.sess.Costs == nil {
		return ""
	}
	var lines []string
	c := r.change(r.sess)
	for _, e := range c.Edits {
		if e.Field == model.FieldCostRename {
			lines = append(lines, "Kostenzahlen ziehen mit: „"+model.SafeLine(e.Before.Text)+"“ → „"+model.SafeLine(e.After.Text)+"“")
		}
	}
	if kept := r.costRowsKept(r.sess); len(kept) > 0 {
		lines = append(lines, keptCostRowsNote(kept)+" (zu löschen unter Wirtschaftlichkeit › Kostenverteilung je Partner).")
	}
	return strings.Join(lines, "\n")
}

// keptCostRowsNote: "Kostenzahlen von „Markt Au“ bleiben".
func keptCostRowsNote(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "„" + model.SafeLine(n) + "“"
	}
	return "Kostenzahlen von " + wording.List(quoted) + " bleiben"
}

// View is the dialog in at most maxH lines: on a short screen the cost
// note gives up its blank line, then its last lines (cut with "…"); the
// status line after saving names the kept rows again.
func (r *renameDialog) View(maxH int) string {
	head, form := r.s.Title.Render("Sitzung bearbeiten"), r.form.View()
	note := r.costNote()
	if note == "" {
		return r.s.Dialog.Render(head + "\n\n" + form)
	}
	lines := strings.Split(lipgloss.NewStyle().Width(64).Render(note), "\n")
	frame := lipgloss.Height(r.s.Dialog.Render(head + "\n\n" + form))
	gap := "\n\n"
	if frame+1+len(lines) > maxH {
		gap = "\n"
		if room := maxH - frame; room < len(lines) {
			if room <= 0 {
				return r.s.Dialog.Render(head + "\n\n" + form)
			}
			lines = lines[:room]
			lines[room-1] = strings.TrimRight(lines[room-1], " ") + " …" // more follows
		}
	}
	for i, l := range lines {
		lines[i] = r.s.Muted.Render(strings.TrimRight(l, " "))
	}
	return r.s.Dialog.Render(head + "\n\n" + form + gap + strings.Join(lines, "\n"))
}
