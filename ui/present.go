package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/ui/wording"
)

// The presenter view (p in the session screen, or ikz --present) is for a
// projector in a room of equals: how to join (address and workshop code,
// never the moderator code), the question the room is on as large bars
// with counts and who has not answered it yet, the joint recommendation,
// and the list of disputed and decided questions using whatever height is
// left. Readable from the back of a room at 100x30, 120x35 and 160x45.
//
// Follow mode (on by default): the current question is the one the
// facilitator shows to the room (f in the Workshop tab), so one laptop
// drives and a second connection projects. ↑/↓ step through the questions
// here instead (follow mode off until f). r switches to the rankings of
// every municipality. Other keys are ignored, so nothing changes unseen
// behind the projected picture.

// presentKey toggles the presenter view.
var presentKey = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "Präsentation"))

// presentTop bounds the joint ranking block.
const presentTop = 3

// presentKeyMsg handles a key in the presenter view.
func (m *sessionModel) presentKeyMsg(k tea.KeyMsg) tea.Cmd {
	ws := m.workshop()
	switch {
	case key.Matches(k, presentKey), key.Matches(k, m.gk.Back):
		if m.presentRanks {
			m.presentRanks = false
			return nil
		}
		m.present = false
	case k.String() == "r":
		m.presentRanks = !m.presentRanks
		m.presentOffset = 0
	case k.String() == "f":
		m.presentLocal = !m.presentLocal
	case m.presentRanks && ws != nil && key.Matches(k, ws.keys.Up):
		m.presentOffset = max(m.presentOffset-1, 0)
	case m.presentRanks && ws != nil && key.Matches(k, ws.keys.Down):
		m.presentOffset++
	case ws != nil && key.Matches(k, ws.keys.Up):
		m.presentLocal = true
		ws.stepKey(-1)
	case ws != nil && key.Matches(k, ws.keys.Down):
		m.presentLocal = true
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

// presentView renders the presenter view in m.width × m.height.
func (m *sessionModel) presentView() string {
	st := m.d.styles.Present()
	w, h := m.width, max(m.height-1, 1) // the last line is the key help
	inner := max(w-4, 10)
	ws := m.workshop()
	if ws == nil {
		ws = newWorkshopTab(m.d, m.sess)
	}

	right := wording.Plural(len(m.sess.Participants), "Kommune", "Kommunen")
	if len(m.sess.Participants) == 0 {
		right = model.SafeLine(m.sess.Traeger)
	}
	head := []string{spread(st.AppName.Render("IKZ-Lotse")+st.Muted.Render(" › ")+st.Title.Render(model.SafeLine(m.sess.Title)),
		st.Muted.Render(right), w)}
	if m.d.join != "" {
		head = append(head, st.Accent.Bold(true).Render(truncate("Mitmachen: "+m.d.join, w)))
	}
	head = append(head, "")

	var body []string
	if m.presentRanks {
		body = ws.rankingsTable(st, inner, h-len(head), &m.presentOffset)
	} else {
		body = m.presentBody(st, ws, inner, h-len(head))
	}
	b := append([]string(nil), head...)
	for _, l := range body {
		b = append(b, "  "+l)
	}

	keys := "p/esc Normalansicht · ↑/↓ Frage wählen · r Rangfolgen je Kommune · q beenden"
	switch {
	case m.presentRanks:
		keys = "r/esc zurück · ↑/↓ blättern · q beenden"
	case m.presentLocal && m.sess.Current() != "":
		keys = "f der Moderation folgen · " + keys
	case m.sess.Current() != "":
		keys = "folgt der Moderation · " + keys
	}
	footer := st.Muted.Render(truncate(keys, w))
	return block(fit(strings.Join(b, "\n"), w, h), w, h) + "\n" + footer
}

// presentBody is the current question, the joint ranking and the list of
// disputed and decided questions, fitted into h lines: the list gets what
// is left (at least one line), the help of the question goes first.
func (m *sessionModel) presentBody(st *Styles, ws *workshopTab, w, h int) []string {
	cur := m.presentCurrent(st, ws, w)
	rank := m.presentRanking(st, w)
	items, total := m.presentItems(st, ws, w)
	out := append([]string(nil), cur...)
	if len(out) > 0 {
		out = append(out, "")
	}
	out = append(out, rank...)
	room := h - len(out) - 3 // blank, title, blank
	if room < 2 && len(cur) > 0 {
		// not enough height: drop the ranking before the current question
		out = append(append([]string(nil), cur...), "")
		room = h - len(out) - 2
	}
	out = append(out, "", st.Accent.Bold(true).Render("STRITTIG UND FESTGELEGT"))
	if len(items) == 0 {
		note := "Noch keine teilnehmenden Kommunen."
		if len(m.sess.Participants) > 0 {
			note = "Noch nichts strittig, noch nichts festgelegt."
		}
		return append(out, st.Muted.Render(note))
	}
	if room >= len(items) {
		return append(out, items...)
	}
	room = max(room, 1)
	out = append(out, items[:room-1]...)
	return append(out, st.Muted.Render(fmt.Sprintf("… und %d weitere (%d insgesamt)", len(items)-room+1, total)))
}

// presentKeyFor is the question the presenter shows: the room's question
// in follow mode, else the one stepped to here (or the first disputed).
func (m *sessionModel) presentKeyFor(ws *workshopTab) string {
	if cur := m.sess.Current(); cur != "" && !m.presentLocal {
		return cur
	}
	if k, ok := ws.currentKey(); ok {
		return k.Question.Key
	}
	for _, k := range ws.cons.Keys { // else the first the room has not decided
		if !k.Settled() && k.Level != model.Profil {
			return k.Question.Key
		}
	}
	return ""
}

// presentCurrent is the question the room is on: its label and state,
// one bar per answer with its count (hidden in blind mode until
// revealed), who has not answered yet, and the joint answer.
func (m *sessionModel) presentCurrent(st *Styles, ws *workshopTab, w int) []string {
	k := m.presentKeyFor(ws)
	if k == "" {
		return nil
	}
	var label, state, joint string
	var sp model.Spread
	var bars []presentBar
	if kc, ok := ws.cons.Key(k); ok {
		q := kc.Question
		label, sp = q.Label, kc.Spread
		if kc.Agreed != nil {
			joint = q.AnswerText(kc.Agreed)
		}
		if len(kc.Tallies) > 0 {
			for _, t := range kc.Tallies {
				bars = append(bars, presentBar{t.Option.Label, t.Count})
			}
		} else {
			for _, g := range kc.Groups {
				bars = append(bars, presentBar{q.AnswerText(g.Answer), len(g.Participants)})
			}
		}
	} else {
		for _, qc := range ws.cons.Quick {
			if qc.Item.ID == k {
				label, sp = qc.Item.Text, qc.Spread
				if qc.Agreed != "" {
					joint = model.QuickStatusLabel(qc.Agreed)
				}
				for _, g := range qc.Groups {
					bars = append(bars, presentBar{model.QuickStatusLabel(g.Status), len(g.Participants)})
				}
			}
		}
	}
	if label == "" {
		return nil
	}
	state = agreementMark(sp.Level) + " " + levelText(sp)
	hidden := m.sess.Hidden(k)
	if hidden {
		state = fmt.Sprintf("verdeckt · %d von %d geantwortet", sp.Answered, sp.Total)
	}
	if m.sess.Locked(k) {
		state += " · gesperrt"
	}
	title := "AKTUELLE FRAGE"
	if m.sess.Current() == k {
		title = "FRAGE FÜR ALLE"
	}
	lines := []string{st.Accent.Bold(true).Render(title),
		st.Title.Render(truncate(label, w)) + "  " + levelStyle(st, sp.Level).Bold(true).Render(truncate(state, max(w-plainWidth(label)-2, 0)))}
	if !hidden {
		lines = append(lines, presentBars(st, bars, sp.Answered, w)...)
	}
	if len(sp.Missing) > 0 {
		names := make([]string, len(sp.Missing))
		for i, id := range sp.Missing {
			names[i] = ws.participantName(id)
		}
		lines = append(lines, para(st.Warn, "Noch ohne Antwort: "+strings.Join(names, ", "), w))
	}
	if joint != "" && !hidden {
		j := "✓ gemeinsam: " + joint
		if r := m.sess.Reason(k); r != "" {
			j += " – " + model.SafeLine(r)
		}
		lines = append(lines, st.Good.Bold(true).Render(truncate(j, w)))
	}
	return lines
}

// presentBar is one answer and how many gave it.
type presentBar struct {
	label string
	count int
}

// presentBars draws the answers as bars over the full width, scaled to the
// number of those who answered.
func presentBars(st *Styles, bars []presentBar, answered, w int) []string {
	if len(bars) == 0 {
		return nil
	}
	labelW := 0
	for _, b := range bars {
		labelW = max(labelW, plainWidth(b.label))
	}
	labelW = min(labelW, w/2)
	barW := max(w-labelW-2-5, 3)
	var out []string
	for _, b := range bars {
		full, empty := bar(b.count, max(answered, 1), barW)
		out = append(out, st.Title.Render(padRight(truncate(b.label, labelW), labelW))+"  "+
			st.BarDone.Render(full)+st.BarTodo.Render(empty)+st.Title.Render(padLeft(strconv.Itoa(b.count), 5)))
	}
	return out
}

// presentRanking is the joint ranking block: the top models as bars.
func (m *sessionModel) presentRanking(st *Styles, w int) []string {
	r := model.Score(m.sess.Profile)
	lines := []string{st.Accent.Bold(true).Render("GEMEINSAME EMPFEHLUNG")}
	nameW := 0
	for _, ms := range r.Ranking {
		nameW = max(nameW, plainWidth(modelName(ms.Model)))
	}
	nameW = min(nameW, max(w-4-2-4-12, 8)) // full names; the bar keeps 12 cells
	place := model.Places(r.Ranking)
	n := 0
	for i, ms := range r.Ranking {
		if ms.Excluded || n == presentTop {
			continue
		}
		n++
		name := padRight(truncate(modelName(ms.Model), nameW), nameW)
		suffix := "" // the legal caveat shows on the row itself (issue 10)
		if ms.Marker() == model.MarkerCheck {
			suffix = " ⚠ " + model.MarkerCheck
			if w-4-nameW-2-4-plainWidth(suffix) < 12 { // keep the bar readable
				suffix = " ⚠"
			}
		}
		barW := max(w-4-nameW-2-4-plainWidth(suffix), 3)
		full, empty := bar(ms.Score, 100, barW)
		lines = append(lines, st.Title.Render(strconv.Itoa(place[i])+".  "+name+"  ")+st.BarDone.Render(full)+st.BarTodo.Render(empty)+
			st.Title.Render(padLeft(strconv.Itoa(ms.Score), 4))+st.Warn.Render(suffix))
	}
	if n == 0 {
		lines = append(lines, st.Warn.Render(truncate("Noch keine Empfehlung – alle Modelle ausgeschlossen oder Profil leer.", w)))
	}
	if u := len(r.Unanswered); u > 0 {
		lines[0] += st.Muted.Render(fmt.Sprintf("   %d Profilfragen noch ohne gemeinsame Antwort", u))
	}
	return lines
}

// presentItems lists the questions the room still argues about (≠, ≈) and
// those it decided (✓ with the joint answer); total counts both.
func (m *sessionModel) presentItems(st *Styles, ws *workshopTab, w int) (lines []string, total int) {
	var decided []string
	for _, k := range ws.cons.Keys {
		q := k.Question
		switch {
		case m.sess.Hidden(q.Key):
			continue
		case k.Settled():
			decided = append(decided, st.Good.Bold(true).Render(markSettled+" ")+
				st.Text.Render(truncate(q.Label+":  "+q.AnswerText(k.Agreed), w-2)))
		case k.Level.Disputed():
			lines = append(lines, levelStyle(st, k.Level).Bold(true).Render(agreementMark(k.Level)+" ")+
				st.Title.Render(truncate(q.Label+":  "+groupsText(k), w-2)))
		}
	}
	return append(lines, decided...), len(lines) + len(decided)
}

// groupsText is the spread in one line: "2× Ja · 1× Nein".
func groupsText(k model.KeyConsensus) string {
	var parts []string
	for _, g := range k.Groups {
		parts = append(parts, fmt.Sprintf("%d× %s", len(g.Participants), k.Question.AnswerText(g.Answer)))
	}
	return strings.Join(parts, " · ")
}

// modelName is the full name of a cooperation model.
func modelName(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok && m.Name != "" {
		return m.Name
	}
	return string(id)
}
