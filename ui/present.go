package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// The presenter view (p in the session screen, or ikz --present) is for a
// projector: only the essentials — the joint top models with bars, the
// disputed keys and the question under discussion — in bold, with air
// between the blocks, readable from the back of a room at 100x30. The keys
// keep working underneath: moving in the Workshop tab changes the current
// question shown here; every other key is ignored.

// presentKey toggles the presenter view.
var presentKey = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "Präsentation"))

// presentTop and presentDisputed bound the blocks so that 100x30 holds all.
const (
	presentTop      = 3
	presentDisputed = 5
)

// presentKeyMsg handles a key in the presenter view: moving between the
// profile questions and leaving the view. Every other key is ignored, so
// nothing changes unseen behind the projector image.
func (m *sessionModel) presentKeyMsg(k tea.KeyMsg) tea.Cmd {
	ws := m.workshop()
	switch {
	case key.Matches(k, presentKey), key.Matches(k, m.gk.Back):
		m.present = false
	case ws != nil && key.Matches(k, ws.keys.Up):
		ws.stepKey(-1)
	case ws != nil && key.Matches(k, ws.keys.Down):
		ws.stepKey(1)
	}
	return nil
}

// workshop returns the session's Workshop tab, if it has one.
func (m *sessionModel) workshop() *workshopTab {
	for _, t := range m.tabs {
		if w, ok := t.(*workshopTab); ok {
			return w
		}
	}
	return nil
}

// presentView renders the presenter view in m.width × m.height. The blocks
// get what the height allows: at 100x30 a blank line between the disputed
// questions; on a smaller screen the spacing goes first, then lines of the
// current question's help, then disputed questions (one stays).
func (m *sessionModel) presentView() string {
	st := m.d.styles.Present()
	w, h := m.width, max(m.height-1, 1) // the last line is the key help
	inner := max(w-4, 10)

	head := []string{spread(st.AppName.Render("IKZ-Lotse")+st.Muted.Render(" › ")+st.Title.Render(m.sess.Title),
		st.Muted.Render(m.sess.Traeger), w), ""}
	rank := m.presentRanking(inner)

	// Disputed keys and the current question need the participants.
	ws := m.workshop()
	if ws == nil {
		ws = newWorkshopTab(m.d, m.sess)
	}
	disputed, note := m.presentDisputed(ws, inner)
	curHead, curHelp, curTail := presentCurrent(st, ws, inner)

	// Fit: every block has a title and a blank line; blocks are separated
	// by a blank line.
	k, spaced := min(len(disputed), presentDisputed), false
	used := func() int {
		n := len(head) + len(rank) + 1 + 2 + k + len(note)
		if spaced && k > 1 {
			n += k - 1
		}
		if len(curHead) > 0 {
			n += 1 + len(curHead) + len(curHelp) + len(curTail)
		}
		return n
	}
	if len(note) == 0 && len(disputed) > k {
		note = []string{st.Muted.Render(fmt.Sprintf("… und %d weitere", len(disputed)-k))}
	}
	spaced = true
	if used() > h {
		spaced = false
	}
	for used() > h && len(curHelp) > 0 {
		curHelp = curHelp[:len(curHelp)-1]
	}
	for used() > h && k > 1 {
		k--
		note = []string{st.Muted.Render(fmt.Sprintf("… und %d weitere", len(disputed)-k))}
	}

	indent := func(lines []string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = "  " + l
		}
		return out
	}
	b := append([]string(nil), head...)
	b = append(b, indent(rank)...)
	b = append(b, "", "  "+st.Accent.Bold(true).Render("STRITTIG"), "")
	for i, l := range disputed[:k] {
		if spaced && i > 0 {
			b = append(b, "")
		}
		b = append(b, "  "+l)
	}
	b = append(b, indent(note)...)
	if len(curHead) > 0 {
		b = append(b, "")
		b = append(b, indent(curHead)...)
		b = append(b, indent(curHelp)...)
		b = append(b, indent(curTail)...)
	}

	keys := "p/esc Normalansicht · q beenden"
	if m.workshop() != nil {
		keys = "p/esc Normalansicht · ↑/↓ Frage wählen · q beenden"
	}
	footer := st.Muted.Render(truncate(keys, w))
	return block(fit(strings.Join(b, "\n"), w, h), w, h) + "\n" + footer
}

// presentRanking is the joint ranking block: title, the top models as
// wide bars, and how much of the profile is still open.
func (m *sessionModel) presentRanking(w int) []string {
	st := m.d.styles.Present()
	r := model.Score(m.sess.Profile)
	lines := []string{st.Accent.Bold(true).Render("GEMEINSAME EMPFEHLUNG"), ""}
	nameW := rankNameWidth(r, w)
	place := model.Places(r.Ranking)
	n := 0
	for i, ms := range r.Ranking {
		if ms.Excluded || n == presentTop {
			continue
		}
		n++
		lines = append(lines, st.Title.Render(presentBar(st, place[i], ms, nameW, w)))
	}
	if n == 0 {
		lines = append(lines, st.Warn.Render(truncate("Noch keine Empfehlung – alle Modelle ausgeschlossen oder Profil leer.", w)))
	}
	if u := len(r.Unanswered); u > 0 {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("%d Profilfragen noch ohne gemeinsame Antwort", u)))
	}
	return lines
}

// presentDisputed is one line per disputed key, most disputed first, or a
// note instead when there is nothing to show.
func (m *sessionModel) presentDisputed(ws *workshopTab, w int) (lines, note []string) {
	st := m.d.styles.Present()
	for _, k := range ws.cons.Keys {
		if k.Level.Disputed() {
			lines = append(lines, levelStyle(st, k.Level).Bold(true).Render(agreementMark(k.Level)+" ")+
				st.Title.Render(truncate(k.Question.Label+":  "+groupsText(k), w-2)))
		}
	}
	switch {
	case len(m.sess.Participants) == 0:
		note = []string{st.Muted.Render("Noch keine teilnehmenden Kommunen.")}
	case len(lines) == 0:
		note = []string{st.Good.Bold(true).Render("= Keine strittigen Fragen.")}
	}
	return lines, note
}

// presentCurrent is the question under discussion: title and label, its
// help (lines that may be dropped to fit), and the agreed answer.
func presentCurrent(st *Styles, ws *workshopTab, w int) (head, help, tail []string) {
	k, ok := ws.currentKey()
	if !ok {
		return nil, nil, nil
	}
	head = []string{st.Accent.Bold(true).Render("AKTUELLE FRAGE"), "",
		st.Title.Render(truncate(k.Question.Label, w)) + "  " +
			levelStyle(st, k.Level).Bold(true).Render(agreementMark(k.Level)+" "+k.Level.Label())}
	for _, l := range strings.Split(wrapText(k.Question.Help, w), "\n") {
		help = append(help, st.Text.Render(l))
	}
	if k.Agreed != nil {
		tail = []string{st.Good.Bold(true).Render(truncate("gemeinsam: "+k.Question.AnswerText(k.Agreed), w))}
	}
	return head, help, tail
}

// presentBar is one ranking line with a wide bar.
func presentBar(st *Styles, rank int, ms model.ModelScore, nameW, w int) string {
	name := padRight(truncate(modelShort(ms.Model), nameW), nameW)
	num := padLeft(strconv.Itoa(ms.Score), 4)
	barW := min(max(w-4-nameW-2-4, 3), 50)
	full, empty := bar(ms.Score, 100, barW)
	return strconv.Itoa(rank) + ".  " + name + "  " + st.BarDone.Render(full) + st.BarTodo.Render(empty) + num
}

// groupsText is the spread in one line: "2× Ja · 1× Nein · 1 offen".
func groupsText(k model.KeyConsensus) string {
	var parts []string
	for _, g := range k.Groups {
		parts = append(parts, fmt.Sprintf("%d× %s", len(g.Participants), k.Question.AnswerText(g.Answer)))
	}
	if n := len(k.Missing); n > 0 {
		parts = append(parts, fmt.Sprintf("%d ausstehend", n))
	}
	return strings.Join(parts, " · ")
}
