package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/store"
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
	title *string
	draft *wizard.NewSession
	form  *huh.Form
	s     *Styles
}

func newRenameDialog(d tabDeps, sum store.Summary) *renameDialog {
	title := sum.Title
	draft := &wizard.NewSession{Title: sum.Title, Traeger: sum.Traeger}
	if sess, err := d.store.Get(sum.ID); err == nil {
		draft.Traeger = sess.Traeger
		draft.Municipalities = strings.Join(sess.Municipalities, ", ")
	}
	r := &renameDialog{sum: sum, title: &title, draft: draft, s: d.styles}
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

func (r *renameDialog) View() string {
	return r.s.Dialog.Render(r.s.Title.Render("Sitzung bearbeiten") + "\n\n" + r.form.View())
}
