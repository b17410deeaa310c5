package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"ikz/model"
)

// The presenter view (p in the session screen, or ikz --present) is for a
// projector: only the essentials — the joint top models with bars, the
// disputed keys and the question under discussion — in bold, with air
// between the blocks, readable from the back of a room at 100x30. The keys
// keep working underneath: moving in the Workshop tab changes the current
// question shown here.

// presentKey toggles the presenter view.
var presentKey = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "Präsentation"))

// presentTop and presentDisputed bound the blocks so that 100x30 holds all.
const (
	presentTop      = 3
	presentDisputed = 5
)

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
	st := m.d.styles
	w := m.width
	inner := max(w-4, 10)
	indent := "  "
	var b []string
	add := func(lines ...string) {
		for _, l := range lines {
			b = append(b, indent+l)
		}
	}

	b = append(b, spread(st.AppName.Render("IKZ-Lotse")+st.Muted.Render(" › ")+st.Title.Render(m.sess.Title),
		st.Muted.Render(m.sess.Traeger), w), "")

	// The joint ranking.
	r := model.Score(m.sess.Profile)
	add(st.Accent.Bold(true).Render("GEMEINSAME EMPFEHLUNG"), "")
	nameW := rankNameWidth(r, inner)
	n := 0
	for _, ms := range r.Ranking {
		if ms.Excluded || n == presentTop {
			continue
		}
		n++
		add(st.Title.Render(presentBar(st, n, ms, nameW, inner)))
	}
	if n == 0 {
		add(st.Warn.Render("Noch keine Empfehlung – alle Modelle ausgeschlossen oder Profil leer."))
	}
	if u := len(r.Unanswered); u > 0 {
		add(st.Muted.Render(fmt.Sprintf("%d Profilfragen noch ohne gemeinsame Antwort", u)))
	}
	b = append(b, "")

	// Disputed keys and the current question need the participants.
	ws := m.workshop()
	if ws == nil {
		ws = newWorkshopTab(m.d, m.sess)
	}
	cons := ws.cons
	add(st.Accent.Bold(true).Render("STRITTIG"), "")
	shown := 0
	for _, k := range cons.Keys {
		if !k.Level.Disputed() || shown == presentDisputed {
			continue
		}
		shown++
		add(levelStyle(st, k.Level).Bold(true).Render(agreementMark(k.Level)+" ") +
			st.Title.Render(truncate(k.Question.Label+":  "+groupsText(k), inner-2)))
	}
	switch {
	case len(m.sess.Participants) == 0:
		add(st.Muted.Render("Noch keine teilnehmenden Kommunen."))
	case shown == 0:
		add(st.Good.Bold(true).Render("= Keine strittigen Fragen."))
	case cons.Disputed() > shown:
		add(st.Muted.Render(fmt.Sprintf("… und %d weitere", cons.Disputed()-shown)))
	}
	b = append(b, "")

	if k, ok := ws.currentKey(); ok {
		add(st.Accent.Bold(true).Render("AKTUELLE FRAGE"), "")
		add(st.Title.Render(truncate(k.Question.Label, inner)) + "  " +
			levelStyle(st, k.Level).Bold(true).Render(agreementMark(k.Level)+" "+k.Level.Label()))
		for _, l := range strings.Split(wrapText(k.Question.Help, inner), "\n") {
			add(st.Text.Render(l))
		}
		if k.Agreed != nil {
			add(st.Good.Bold(true).Render(truncate("gemeinsam: "+answerText(k.Question, k.Agreed), inner)))
		}
	}

	footer := st.Muted.Render(truncate("p Normalansicht · ↑/↓ Frage wählen (Reiter Workshop) · q beenden", w))
	body := fit(strings.Join(b, "\n"), w, max(m.height-1, 1))
	return block(body, w, max(m.height-1, 1)) + "\n" + footer
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
		parts = append(parts, fmt.Sprintf("%d× %s", len(g.Participants), answerText(k.Question, g.Answer)))
	}
	if n := len(k.Missing); n > 0 {
		parts = append(parts, fmt.Sprintf("%d offen", n))
	}
	return strings.Join(parts, " · ")
}
