package ui

import (
	"errors"
	"fmt"
	"maps"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
)

// The room in the Workshop tab: who answers for which municipality
// (claims, see claims.go) and the facilitator's management of the
// municipalities — add, rename, merge, remove, mark absent. Participants
// only claim; everything else is the facilitator's.

// confirmation is a yes/no question in the pane: enter does it, esc not.
type confirmation struct {
	text string
	yes  func() tea.Cmd
}

// textEdit says what the open one-line input is for.
type textEdit int

const (
	editNone    textEdit = iota
	editAdd              // a new municipality's name
	editRename           // a municipality's new name (target)
	editComment          // a participant's comment on its answer (target: key)
	editReason           // the reason for the joint answer (target: key)
)

// errNotClaimed stops a save for a municipality this connection no longer
// answers for (another connection took it over meanwhile).
var errNotClaimed = errors.New("Sie antworten nicht mehr für diese Kommune – eine andere Verbindung hat sie übernommen; bitte oben neu wählen")

// claimed reports whether this connection may answer for pid: always
// outside ikz serve, else only with the claim.
func (t *workshopTab) claimed(pid string) bool {
	return t.d.claims == nil || t.d.claims.Holds(t.sess.ID, pid, t.d.conn)
}

// chooseAs makes pid the municipality answered for ("" the facilitator's
// joint answers). A municipality another connection answers for asks first.
func (t *workshopTab) chooseAs(pid string) tea.Cmd {
	if pid == t.as {
		t.toFirstOpenKey()
		return nil
	}
	p := t.sess.Participant(pid)
	if t.d.claims != nil {
		if pid == "" {
			t.d.claims.Release(t.sess.ID, t.as, t.d.conn)
		} else if taken := t.d.claims.Claim(t.sess.ID, pid, t.d.conn, false); taken {
			name := pid
			if p != nil {
				name = p.Name
			}
			t.confirm = &confirmation{
				text: "„" + model.SafeLine(name) + "“ wird schon von einer anderen Verbindung beantwortet – übernehmen?",
				yes: func() tea.Cmd {
					t.d.claims.Claim(t.sess.ID, pid, t.d.conn, true)
					t.setAs(pid)
					return nil
				},
			}
			return nil
		}
	}
	t.setAs(pid)
	return nil
}

func (t *workshopTab) setAs(pid string) {
	if p := t.sess.Participant(pid); p != nil && p.Absent {
		t.info = "„" + model.SafeLine(p.Name) + "“ ist als abwesend markiert: die Antworten zählen erst, wenn die Moderation sie mit w wieder dazunimmt."
	}
	t.as = pid
	t.known = nil
	if t.d.participant {
		// Claimed: the questions move up; one row names the choice.
		t.people = pid == ""
	}
	t.refresh()
	t.toFirstOpenKey()
}

// lostClaim drops the municipality when another connection took it over
// (or the facilitator removed it), and says so.
func (t *workshopTab) lostClaim() {
	if t.as == "" {
		return
	}
	p := t.sess.Participant(t.as)
	switch {
	case p == nil:
		t.info = "Ihre Kommune wurde von der Moderation entfernt oder zusammengeführt – bitte oben neu wählen."
	case !t.claimed(t.as):
		t.info = "Eine andere Verbindung antwortet jetzt für „" + model.SafeLine(p.Name) + "“ – bitte oben neu wählen."
	default:
		return
	}
	t.as = ""
	t.people = true
	if t.form != nil && t.edit != editAdd && t.edit != editRename {
		t.closeEditor()
	}
}

// preselect claims the municipality the SSH user name names, or the one
// this user name answered for before a reconnect.
func (t *workshopTab) preselect() {
	if t.d.claims == nil || !t.d.participant {
		return
	}
	if pid := t.d.claims.Preselect(t.sess, t.d.conn); pid != "" {
		t.list.selectID(rowAsPrefix + pid)
		t.chooseAs(pid)
	}
}

func (t *workshopTab) toggleAbsent(pid string) tea.Cmd {
	p := t.sess.Participant(pid)
	if p == nil {
		return nil
	}
	absent := !p.Absent
	info := "„" + model.SafeLine(p.Name) + "“ ist als abwesend markiert und zählt nicht mehr mit."
	if !absent {
		info = "„" + model.SafeLine(p.Name) + "“ ist wieder dabei."
	}
	return t.commit(model.SetAbsentChange(t.sess, pid, absent), info)
}

func (t *workshopTab) askRemove(pid string) {
	p := t.sess.Participant(pid)
	if p == nil {
		return
	}
	name := model.SafeLine(p.Name)
	t.confirm = &confirmation{
		text: fmt.Sprintf("„%s“ mit allen Antworten aus dem Workshop entfernen? (z holt sie zurück)", name),
		yes: func() tea.Cmd {
			c, err := model.RemoveParticipantChange(t.sess, pid)
			if err != nil {
				t.err = err.Error()
				return nil
			}
			return t.commit(c, "„"+name+"“ entfernt. z holt die Kommune mit ihren Antworten zurück.")
		},
	}
}

// openMerge asks into which municipality pid is merged.
func (t *workshopTab) openMerge(pid string) tea.Cmd {
	p := t.sess.Participant(pid)
	if p == nil || len(t.sess.Participants) < 2 {
		return nil
	}
	var opts []huh.Option[string]
	for _, o := range t.sess.Participants {
		if o.ID != pid {
			opts = append(opts, huh.NewOption(model.SafeLine(o.Name), o.ID))
		}
	}
	t.mergeFrom, t.mergeInto = pid, opts[0].Value
	t.closeEditor()
	t.mergeFrom, t.mergeInto = pid, opts[0].Value
	lay := splitBox(t.w, t.h, len(t.list.rows), true)
	f := huh.NewSelect[string]().Title("„" + model.SafeLine(p.Name) + "“ zusammenführen mit").
		Description("Die gewählte Kommune behält ihre Antworten; Antworten, die ihr fehlen, kommen hinzu. Dann ist „" + model.SafeLine(p.Name) + "“ weg.").
		Options(opts...).Value(&t.mergeInto)
	t.form = newItemForm(t.theme, lay.paneW, max(lay.paneH-2, 3), f)
	return t.form.Init()
}

// openText opens the one-line input for e on target.
func (t *workshopTab) openText(e textEdit, target string) tea.Cmd {
	t.closeEditor()
	t.edit, t.target, t.err = e, target, ""
	switch e {
	case editRename:
		if p := t.sess.Participant(target); p != nil {
			t.text = p.Name
		}
	case editComment:
		if p := t.sess.Participant(t.as); p != nil {
			t.text = p.Comments[target]
		}
	case editReason:
		t.text = t.sess.Reason(target)
	default:
		t.text = ""
	}
	return t.buildForm()
}

func (t *workshopTab) textField() huh.Field {
	in := huh.NewInput().Key("text").Value(&t.text)
	switch t.edit {
	case editRename:
		return in.Title("Neuer Name").Description("Die Antworten bleiben. Enter übernimmt, esc bricht ab.").CharLimit(60)
	case editComment:
		return in.Title("Kommentar zu Ihrer Antwort").Description("Kurz, erscheint im Bericht bei Ihrer Antwort. Leer löscht ihn.").CharLimit(model.CommentLimit)
	case editReason:
		return in.Title("Begründung der gemeinsamen Antwort").Description("Warum die Gruppe so entschieden hat; erscheint im Bericht. Leer löscht sie.").CharLimit(model.CommentLimit)
	}
	return in.Title("Neue teilnehmende Kommune").
		Description("Name, wie er im Workshop genannt wird (z. B. Stadt Lemgo). Enter legt sie an.").CharLimit(60)
}

// textDone applies a completed one-line input.
func (t *workshopTab) textDone() tea.Cmd {
	e, target, text, as := t.edit, t.target, t.text, t.as
	t.closeEditor()
	var (
		c    model.Change
		err  error
		info string
	)
	switch e {
	case editAdd:
		c, err = model.AddParticipantChange(t.sess, text)
		info = "Kommune hinzugefügt."
	case editRename:
		c, err = model.RenameParticipantChange(t.sess, target, text)
		info = "Umbenannt."
	case editComment:
		c = model.SetParticipantCommentChange(t.sess, as, target, text)
		info = "Kommentar gespeichert."
	case editReason:
		c, err = model.SetReasonChange(t.sess, target, text)
		info = "Begründung gespeichert."
	default:
		return nil
	}
	if err != nil {
		t.err = err.Error()
		return nil
	}
	return t.commit(c, info)
}

// cloneWorkshop copies what the Workshop tab changes in a session: the
// loaded session is shared with the other tabs, which must not see
// unsaved edits.
func cloneWorkshop(s *model.Session) *model.Session {
	c := *s
	c.Profile = s.Profile.Clone()
	c.QuickCheck = maps.Clone(s.QuickCheck)
	c.Participants = make([]model.Participant, len(s.Participants))
	for i, p := range s.Participants {
		p.Profile = p.Profile.Clone()
		p.QuickCheck = maps.Clone(p.QuickCheck)
		p.Comments = maps.Clone(p.Comments)
		c.Participants[i] = p
	}
	if s.Workshop != nil {
		w := *s.Workshop
		w.Revealed, w.Locked, w.Reasons = maps.Clone(w.Revealed), maps.Clone(w.Locked), maps.Clone(w.Reasons)
		c.Workshop = &w
	}
	return &c
}
