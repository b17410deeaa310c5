package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/ui/wording"
)

// Tab indexes in the tab bar.
const (
	tabProfil = iota
	tabSondierung
	tabRealisierung
	tabVerstetigung
	tabEmpfehlung
	tabMassnahmen // review-tui
	tabWirtschaft // review-tui
	tabReview     // review-tui
)

// tabNames label the tab bar, in the order of the tabs.
var tabNames = []string{"Profil", "Sondierung", "Realisierung", "Verstetigung", "Empfehlung", "Maßnahmen", "Wirtschaftlichkeit", "Review"}

// sessionModel is the session screen: a header with the session, the tab
// bar, the progress of the phases, the active tab, a status line and the
// help footer.
type sessionModel struct {
	d      tabDeps
	sess   *model.Session
	tabs   []tab
	active int

	keys     sessionKeys
	gk       globalKeys
	help     help.Model
	fullHelp bool

	width, height int

	status    string
	statusErr bool

	export  *exportDialog // the open report dialog (x), see export_dialog.go
	present bool          // presenter view (p), see present.go
	// presenter state: the rankings page and its scroll offset; local:
	// ↑/↓ chose the question here instead of following the room's.
	presentRanks  bool
	presentOffset int
	presentLocal  bool

	// stale marks tabs that have not seen the latest session yet: a new
	// session goes to the visible tabs at once and to the others when they
	// are shown (on a workshop server every answer reaches every
	// connection, and rebuilding hidden tabs there cost a quarter of the
	// CPU).
	stale []bool

	chrome chromeMemo // tab bar, progress and help of the last frame, see session_chrome.go
}

// newSessionModel builds the screen and its tabs for a loaded session.
func newSessionModel(d tabDeps, sess *model.Session) (*sessionModel, tea.Cmd) {
	h := help.New()
	h.Styles = d.styles.Help
	h.ShortSeparator = " · "
	d.changes = newChanger(d, sess.ID) // one undo history for all tabs of this session
	m := &sessionModel{d: d, sess: sess, keys: defaultSessionKeys(), gk: defaultGlobalKeys(), help: h}
	if d.remote {
		m.keys.Export.SetEnabled(false) // a report would land on the server's disk
	}
	m.present = d.present
	switch w := workshopFor(d, sess); {
	case d.participant:
		// A participant of ikz serve answers for a municipality in the
		// Workshop tab; the other tabs edit the joint session, which is
		// the facilitator's. z and Z walk the participant's own answers
		// (checked against the claim, see changer.apply).
		m.tabs = []tab{w}
	case w == nil:
		m.tabs = buildTabs(d, sess)
	default:
		m.tabs = append(buildTabs(d, sess), w) // workshop mode, see workshop_tab.go
		if d.workshop && len(sess.Participants) > 0 {
			// A running workshop (ikz serve, --present): participants come
			// to answer, so the session opens where they pick their
			// municipality.
			m.active = len(m.tabs) - 1
		}
	}
	m.stale = make([]bool, len(m.tabs))
	m.keys.Jump.SetHelp(fmt.Sprintf("1–%d", len(m.tabs)), "Reiter wählen")
	var cmds []tea.Cmd
	for _, t := range m.tabs {
		if i, ok := t.(tabIniter); ok {
			cmds = append(cmds, i.Init())
		}
	}
	return m, tea.Batch(cmds...)
}

// buildTabs creates the five tabs in tab-bar order.
func buildTabs(d tabDeps, sess *model.Session) []tab {
	return []tab{
		newProfileTab(d, sess),
		newPhaseTab(d, sess, model.PhaseSondierung),
		newPhaseTab(d, sess, model.PhaseRealisierung),
		newPhaseTab(d, sess, model.PhaseVerstetigung),
		newRecommendTab(d, sess),
		newMeasuresTab(d, sess),
		newEconomyTab(d, sess), // Gesamtrechnung and Kostenverteilung, see economy_tab.go
		newReviewTab(d, sess),
	}
}

func (m *sessionModel) capturing() bool {
	return !m.present && (m.export != nil || m.tabs[m.active].Capturing())
}

func (m *sessionModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	cw, ch := m.contentBox()
	for _, t := range m.tabs {
		t.SetSize(cw, ch)
	}
	if m.export != nil {
		m.export.SetSize(cw, ch)
	}
}

// contentBox is the size of the active tab: the screen minus header, tab
// bar, rule, progress, status line and help.
func (m *sessionModel) contentBox() (int, int) { return m.contentBoxFor(m.helpView()) }

// contentBoxFor is contentBox with the help footer already drawn: a frame
// draws it once, not once to measure and once to show.
func (m *sessionModel) contentBoxFor(help string) (int, int) {
	chrome := 3 + m.progressHeight() + 1 + strings.Count(help, "\n") + 1
	return m.width, max(1, m.height-chrome)
}

// legendWidth is the width from which the compact progress line explains
// its numbers itself.
const legendWidth = 120

// progressHeight is one compact line on small screens, a line per phase
// with bars from 30 lines up.
func (m *sessionModel) progressHeight() int {
	if m.d.participant {
		return 0 // the joint progress is the facilitator's, not a participant's
	}
	if m.height >= 30 {
		return 3
	}
	return 1
}

func (m *sessionModel) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	return tea.Batch(cmd, m.freshenVisible()) // msg may have shown another tab
}

func (m *sessionModel) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.updateReview(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case savedMsg:
		m.sess = msg.sess
		m.status, m.statusErr = "gespeichert "+clock(msg.at), false
		if msg.what != "" {
			m.status = msg.what + " " + clock(msg.at)
		}
		if p := m.d.saves.problem(); p != "" {
			m.status, m.statusErr = p, true // another change is still unsaved
		}
		return m.sessionChanged(msg.sess)
	case statusMsg:
		m.status, m.statusErr = msg.text, false
		return nil
	case saveFailedMsg:
		m.status, m.statusErr = unsavedText(msg.pending, msg.err), true
		if p := m.d.saves.problem(); p != "" {
			m.status = p
		}
		if msg.sess != nil && newer(msg.sess, m.sess) {
			m.sess = msg.sess
			return m.sessionChanged(msg.sess)
		}
		return nil
	case conflictMsg:
		m.status, m.statusErr = msg.err.Error(), true
		if msg.sess != nil {
			m.sess = msg.sess
			return m.sessionChanged(msg.sess)
		}
		return nil
	case errMsg:
		m.status, m.statusErr = msg.err.Error(), true
		return nil
	case jumpMsg:
		if msg.tab < 0 || msg.tab >= len(m.tabs) {
			return nil
		}
		m.active = msg.tab
		return m.forward(msg)
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m.forward(msg)
}

// switchTab shows tab i. A note about the last tab ("Abgebrochen – …")
// would read as if it were about the new one, so it goes; an error stays
// until it is resolved (a failed save is never hidden).
func (m *sessionModel) switchTab(i int) {
	if i != m.active && !m.statusErr {
		m.status = ""
	}
	m.active = i
}

func (m *sessionModel) updateKey(k tea.KeyMsg) tea.Cmd {
	if m.present {
		return m.presentKeyMsg(k)
	}
	t := m.tabs[m.active]
	if t.Capturing() {
		return m.forward(k)
	}
	switch {
	case key.Matches(k, m.gk.Back):
		if w, ok := t.(escWanter); ok && w.WantsEsc() {
			return m.forward(k)
		}
		id := m.sess.ID
		return func() tea.Msg { return backMsg{selectID: id} }
	case key.Matches(k, m.gk.Help):
		m.fullHelp = !m.fullHelp
		m.SetSize(m.width, m.height)
		return nil
	case key.Matches(k, m.keys.Next):
		m.switchTab((m.active + 1) % len(m.tabs))
		return nil
	case key.Matches(k, m.keys.Prev):
		m.switchTab((m.active + len(m.tabs) - 1) % len(m.tabs))
		return nil
	case key.Matches(k, m.keys.Jump):
		if i := int(k.Runes[0] - '1'); i < len(m.tabs) {
			m.switchTab(i)
		}
		return nil
	case key.Matches(k, presentKey):
		m.present = !m.present
		return nil
	case key.Matches(k, m.keys.Undo):
		return m.d.changes.undo()
	case key.Matches(k, m.keys.Redo):
		return m.d.changes.redo()
	case key.Matches(k, m.keys.Suspend):
		if m.d.remote {
			return nil // over SSH the app cannot stop the client's shell
		}
		return tea.Suspend
	}
	return m.forward(k)
}

// forward hands msg to the active tab only: huh's internal messages carry
// no form ID, so a broadcast would move fields in other tabs.
func (m *sessionModel) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.tabs[m.active], cmd = m.tabs[m.active].Update(msg)
	return cmd
}

// sessionChanged hands a newly loaded or saved session to the visible tabs
// now and to the others when they are shown (see stale).
func (m *sessionModel) sessionChanged(sess *model.Session) tea.Cmd {
	m.sess = sess
	if len(m.stale) != len(m.tabs) {
		m.stale = make([]bool, len(m.tabs))
	}
	for i := range m.stale {
		m.stale[i] = true
	}
	return m.freshenVisible()
}

// freshenVisible brings the visible tabs up to date: the active one, and
// in the presenter view the Workshop tab, whose consensus it shows.
func (m *sessionModel) freshenVisible() tea.Cmd {
	cmd := m.freshen(m.active)
	if m.present {
		for i, t := range m.tabs {
			if _, ok := t.(*workshopTab); ok {
				cmd = tea.Batch(cmd, m.freshen(i))
			}
		}
	}
	return cmd
}

func (m *sessionModel) freshen(i int) tea.Cmd {
	if i < 0 || i >= len(m.stale) || !m.stale[i] {
		return nil
	}
	m.stale[i] = false
	var cmd tea.Cmd
	m.tabs[i], cmd = m.tabs[i].Update(sessionLoadedMsg{m.sess})
	return cmd
}

func (m *sessionModel) View() string {
	if m.present {
		return m.presentView()
	}
	s := m.d.styles
	help := m.helpView()
	_, ch := m.contentBoxFor(help)
	var b strings.Builder
	b.WriteString(m.headerView())
	b.WriteString("\n")
	b.WriteString(m.tabBarView())
	b.WriteString("\n")
	b.WriteString(s.Rule.Render(strings.Repeat("─", m.width)))
	b.WriteString("\n")
	if m.progressHeight() > 0 {
		b.WriteString(m.progressView())
		b.WriteString("\n")
	}
	b.WriteString(block(m.contentView(ch), m.width, ch))
	b.WriteString("\n")
	b.WriteString(m.statusView())
	b.WriteString("\n")
	b.WriteString(help)
	return b.String()
}

// headerView: program and session title on the left, Schulträger and Land
// on the right.
func (m *sessionModel) headerView() string {
	s := m.d.styles
	var right []string
	switch {
	case m.d.participant:
		// a room of equals: not the host's name on everyone's screen
		right = append(right, "Workshop · "+wording.Plural(len(m.sess.Participants), "Kommune", "Kommunen"))
	case m.sess.Traeger != "":
		right = append(right, m.sess.Traeger)
	}
	if !m.d.participant {
		right = append(right, landName(m.sess.Land()))
	}
	r := s.Muted.Render(truncate(strings.Join(right, " · "), m.width/2))
	left := s.AppName.Render("IKZ-Lotse") + s.Muted.Render(" › ") + s.Title.Render(m.sess.Title)
	return spread(left, r, m.width)
}

// tabBarView marks the active tab with brackets as well as colour, so it
// stays visible with NO_COLOR; narrow screens get shorter labels (tabbar.go).
func (m *sessionModel) tabBarView() string {
	names := m.tabNames()
	var k strings.Builder
	sizeKey(&k, m.width, m.active)
	k.WriteString(strings.Join(names, "\x00"))
	return m.chrome.tabBar.get(k.String(), func() string { return renderTabBar(m.d.styles, names, m.active, m.width) })
}

func (m *sessionModel) progressView() string {
	prog := model.Progress(m.sess)
	key := fmt.Sprint(m.width, m.progressHeight(), prog)
	return m.chrome.progress.get(key, func() string { return m.drawProgress(prog) })
}

func (m *sessionModel) drawProgress(prog [3]model.PhaseProgress) string {
	s := m.d.styles
	if m.progressHeight() == 3 {
		lines := make([]string, len(prog))
		for i, p := range prog {
			lines[i] = progressRow(s, p, m.width)
		}
		return strings.Join(lines, "\n")
	}
	parts := make([]string, len(prog))
	for i, p := range prog {
		name := string(p.Phase)
		if ph, ok := model.PhaseByID(p.Phase); ok {
			name = ph.Short
		}
		parts[i] = s.Muted.Render(name+" ") + s.Text.Render(fmt.Sprintf("%d/%d · %d/%d", p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal))
	}
	line := strings.Join(parts, "   ")
	if m.width >= legendWidth {
		line += s.Faint.Render("   (Quick-Check erledigt · Fragen notiert)")
	}
	return truncate(line, m.width)
}

func (m *sessionModel) statusView() string {
	s := m.d.styles
	switch {
	case m.status == "" && readOnly(m.tabs[m.active]) && m.export == nil:
		return s.Faint.Render(truncate(readOnlyHint, m.width))
	case m.status == "" && m.draftFormOpen():
		return s.Faint.Render(truncate(draftFormHint, m.width))
	case m.status == "" && m.progressHeight() == 1 && m.width < legendWidth:
		// The compact progress line has no room for its legend.
		return s.Faint.Render(truncate("Oben je Phase: Quick-Check erledigt · Fragen notiert. z nimmt zurück.", m.width))
	case m.status == "" && !m.keys.Undo.Enabled():
		return s.Faint.Render(truncate("enter speichert · esc bricht ab", m.width))
	case m.status == "":
		return s.Faint.Render(truncate("enter speichert · esc bricht ab · z nimmt zurück, Z stellt wieder her", m.width))
	case m.statusErr:
		return s.Error.Render(fitQuoted(m.status, m.width))
	}
	return s.Saved.Render(fitQuoted(m.status, m.width))
}

// draftFormHint replaces "esc bricht ab" while a form that keeps a draft
// is open (review, measure, decision): there esc closes and keeps it.
const draftFormHint = "Der Entwurf wird beim Tippen gespeichert · esc schließt, nichts geht verloren"

// draftFormOpen reports whether the open form keeps a draft, read from its
// esc key (draftDone), so that no tab has to say it twice.
func (m *sessionModel) draftFormOpen() bool {
	if !m.tabs[m.active].Capturing() {
		return false
	}
	for _, b := range m.tabs[m.active].KeyMap().ShortHelp() {
		if b.Help().Desc == draftDoneHelp {
			return true
		}
	}
	return false
}

func (m *sessionModel) keyMap() keyMap {
	if m.export != nil {
		return compose(m.export.KeyMap(), m.gk.Interrupt)
	}
	t := m.tabs[m.active]
	if t.Capturing() {
		return compose(t.KeyMap(), m.gk.Interrupt)
	}
	k := compose(t.KeyMap())
	suspend := m.keys.Suspend
	suspend.SetEnabled(!m.d.remote)
	export := m.keys.Export
	export.SetEnabled(m.exportAvailable()) // not from an open detail or editor
	k.full = append(k.full[:len(k.full)-1], []key.Binding{m.keys.Next, m.keys.Prev, m.keys.Jump, export, presentKey},
		[]key.Binding{m.keys.Undo, m.keys.Redo, suspend}, []key.Binding{m.gk.Back, m.gk.Help, m.gk.Quit})
	return k
}

func (m *sessionModel) helpView() string {
	km := m.keyMap()
	var k strings.Builder
	sizeKey(&k, m.width, 0)
	switch {
	case m.fullHelp:
		k.WriteString("full|")
		bindingsKey(&k, km.FullHelp()...)
		return m.chrome.help.get(k.String(), func() string { return fullHelp(m.help, km.FullHelp(), m.width) })
	case m.capturing():
		k.WriteString("capturing|")
		bindingsKey(&k, km.ShortHelp())
		return m.chrome.help.get(k.String(), func() string { return m.help.ShortHelpView(km.ShortHelp()) })
	}
	globals := m.footerGlobals()
	k.WriteString("footer|")
	bindingsKey(&k, km.ShortHelp(), globals)
	return m.chrome.help.get(k.String(), func() string { return footer(m.help, m.width, km.ShortHelp(), globals) })
}
