package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

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

// renameDialog is a one-field huh form, prefilled with the current title.
type renameDialog struct {
	sum   store.Summary
	title *string
	form  *huh.Form
	s     *Styles
}

func newRenameDialog(d tabDeps, sum store.Summary) *renameDialog {
	title := sum.Title
	r := &renameDialog{sum: sum, title: &title, s: d.styles}
	r.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().
			Key("title").
			Title("Neuer Titel").
			CharLimit(wizard.TitleLimit).
			Validate(wizard.ValidateTitle).
			Value(r.title),
	)).WithTheme(d.styles.HuhTheme()).WithKeyMap(wizard.KeyMap()).WithShowHelp(false).WithWidth(56)
	return r
}

func (r *renameDialog) Init() tea.Cmd { return r.form.Init() }

// Update forwards msg to the form and reports whether it was submitted.
func (r *renameDialog) Update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	_, cmd = r.form.Update(msg)
	return r.form.State == huh.StateCompleted, cmd
}

func (r *renameDialog) value() string { return *r.title }

func (r *renameDialog) View() string { return r.s.Dialog.Render(r.form.View()) }
