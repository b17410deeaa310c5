package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// disclaimer is shown once, briefly, with every result (domain.md §6).
const disclaimer = wording.Disclaimer

// Row IDs of the Empfehlung list.
const (
	rowDecision  = "decision"
	rowModelPref = "model:"
	rowOpenPref  = "open:"
)

// recommendTab is the Empfehlung tab: the ranking as bars, the group's
// decision and the open profile questions in a list; the detail of the
// selected entry in a scrolling pane.
type recommendTab struct {
	d     tabDeps
	sess  *model.Session
	res   model.Result
	words wording.Result // res in words, shared with every other output
	prof  model.Profile  // the profile res was computed from
	keys  tabKeys
	list  itemList
	w, h  int
	saver *autosaver
	theme *huh.Theme

	detail      viewport.Model // keeps the scroll position of the detail
	detailLines []string       // the detail's content, wrapped to the pane
	detailFocus bool           // the pane has the keyboard (scrolling)
	group       bool           // t.words are worded for a workshop (participants)
	// The detail of every row visited since the session or the width last
	// changed: moving up and down the list does not wrap the texts again.
	detailBase  string
	detailCache map[string][]string
	detailRow   string // the row shown

	// The decision editor.
	form     *huh.Form
	draft    *wizard.DecisionDraft
	prior    model.Decision // the decision in force when the editor opened
	hasPrior bool
	drafts   *formDraft // the form's draft in the store (session_drafts.go)
	restored bool
	askVoid  bool // "als irrtümlich erfasst markieren?" is asked
}

func newRecommendTab(d tabDeps, sess *model.Session) tab {
	t := &recommendTab{
		d: d, keys: defaultTabKeys(), saver: newAutosaver(d, sess.ID),
		theme: d.styles.HuhTheme(), detail: viewport.New(0, 0),
	}
	t.load(sess)
	return t
}

func (t *recommendTab) load(sess *model.Session) {
	t.sess = sess
	rescored := t.res.Ranking == nil || !sameProfile(t.prof, sess.Profile)
	if rescored {
		t.prof = sess.Profile.Clone()
		t.res = model.Score(t.prof)
	}
	if group := len(sess.Participants) > 0; rescored || group != t.group {
		t.group = group // a workshop words the answers for the room
		t.words = wording.NewSessionResult(sess, t.res)
	}
	t.refreshRows()
	// A new ranking is read from the top: the cursor follows the lead
	// rather than a model that may have dropped to the bottom.
	if row, _ := t.list.selected(); rescored && strings.HasPrefix(row.id, rowModelPref) {
		t.list.home()
	}
}

// sameProfile spares the scoring when a save touched only notes or the
// quick check.
func sameProfile(a, b model.Profile) bool {
	if len(a) != len(b) {
		return false
	}
	for k, x := range a {
		y, ok := b[k]
		if !ok || !wizard.SameAnswer(x, y) {
			return false
		}
	}
	return true
}

func (t *recommendTab) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.form != nil {
		t.buildForm()
	}
	t.syncDetail()
}

func (t *recommendTab) Capturing() bool { return t.form != nil || t.askVoid }

// WantsEsc: esc first closes the decision editor or leaves the pane.
func (t *recommendTab) WantsEsc() bool { return t.form != nil || t.detailFocus || t.askVoid }

func (t *recommendTab) KeyMap() help.KeyMap {
	k := t.keys
	switch {
	case t.form != nil:
		k.Done = draftDone()
		return tabHelp(k, nil, t.form)
	case t.detailFocus:
		k.Done.SetHelp("esc", "zurück zur Liste")
		k.Move.SetHelp("↑/↓", "blättern")
		return tabHelp(k, []key.Binding{k.Done, k.PageDown, k.PageUp}, nil)
	}
	row, _ := t.list.selected()
	isModel := strings.HasPrefix(row.id, rowModelPref)
	k.Detail.SetEnabled(isModel)
	k.Jump.SetEnabled(strings.HasPrefix(row.id, rowOpenPref))
	k.Decide.SetEnabled(row.id == rowDecision)
	void := voidKey
	void.SetEnabled(row.id == rowDecision && t.sess.CurrentDecisionIndex() >= 0)
	return tabHelp(k, []key.Binding{k.Detail, k.Jump, k.Decide, void, k.PageDown, k.PageUp}, nil)
}

func (t *recommendTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.load(msg.sess)
			t.syncDetail()
		}
		return t, nil
	case tea.KeyMsg:
		switch {
		case t.form != nil:
			if key.Matches(msg, t.keys.Done) {
				t.closeEditor()
				return t, statusCmd(decisionKeptNote)
			}
		case t.detailFocus:
			t.detailKeyMsg(msg)
			t.syncDetail() // leaving the pane gives the list its room back
			return t, nil
		default:
			cmd := t.listKey(msg)
			t.syncDetail()
			return t, cmd
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	return t, tea.Batch(cmd, t.afterEdit())
}

// decisionKeptNote says what esc did to the decision editor: nothing
// recorded, nothing lost.
const decisionKeptNote = "Abgebrochen – nichts festgehalten; der Entwurf bleibt, enter setzt ihn fort."

// voidKey marks the decision in force "irrtümlich erfasst" (after asking).
var voidKey = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "irrtümlich erfasst"))

func (t *recommendTab) listKey(msg tea.KeyMsg) tea.Cmd {
	if t.askVoid {
		t.askVoid = false
		t.detailBase = ""
		t.syncDetail()
		if s := msg.String(); s == "j" || s == "J" || s == "y" {
			if i := t.sess.CurrentDecisionIndex(); i >= 0 {
				return t.d.changes.do(model.VoidDecisionChange(t.sess, i, true))
			}
		}
		return nil
	}
	if t.list.navigate(t.keys, msg) {
		return nil
	}
	if row, _ := t.list.selected(); key.Matches(msg, voidKey) && row.id == rowDecision && t.sess.CurrentDecisionIndex() >= 0 {
		t.askVoid = true
		t.detailBase = ""
		t.syncDetail()
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.PageDown):
		t.detail.HalfPageDown()
	case key.Matches(msg, t.keys.PageUp):
		t.detail.HalfPageUp()
	case key.Matches(msg, t.keys.Edit): // enter: what it does depends on the row
		row, ok := t.list.selected()
		switch {
		case !ok:
		case row.id == rowDecision:
			return t.openEditor()
		case strings.HasPrefix(row.id, rowOpenPref):
			item := strings.TrimPrefix(row.id, rowOpenPref)
			return func() tea.Msg { return jumpMsg{tab: 0, item: item} }
		default:
			t.detailFocus = true
		}
	}
	return nil
}

func (t *recommendTab) detailKeyMsg(msg tea.KeyMsg) {
	if scrollKey(&t.detail, t.keys, msg) {
		t.detailFocus = false
	}
}

// --- the list ---

func (t *recommendTab) refreshRows() {
	var rows []listRow
	if t.res.CityState != "" {
		rows = append(rows, listRow{label: "⚠ Stadtstaat: Rangfolge gilt nur eingeschränkt", warn: true})
	}
	rows = append(rows, listRow{label: "Rangfolge", value: wording.ScaleShort})
	if _, ok := t.res.Leader(); !ok && len(t.res.Tied()) > 1 {
		rows = append(rows, listRow{label: "⚠ " + model.NoRecommendation + ": mehrere Modelle gleichauf", warn: true})
	}
	for _, c := range t.res.Contradictions {
		rows = append(rows, listRow{label: "⚠ " + wording.ContradictionsTitle + ": " + c.Text, warn: true})
	}
	place := model.Places(t.res.Ranking)
	marked := false // one marked row narrows every bar, so the bars stay comparable
	for _, ms := range t.res.Ranking {
		marked = marked || ms.Marker() == model.MarkerCheck
	}
	for i, ms := range t.res.Ranking {
		ms, r := ms, place[i]
		rows = append(rows, listRow{id: rowModelPref + string(ms.Model), line: func(w int, sel bool) string {
			return markedScoreLine(t.d.styles, r, ms, rankNameWidth(t.res, w), w, sel, marked)
		}})
	}
	rows = append(rows, listRow{label: "Entscheidung der Gruppe"})
	dec := listRow{id: rowDecision, mark: markOpen, label: "noch keine Entscheidung"}
	if cur, ok := t.sess.CurrentDecision(); ok {
		dec.mark, dec.label, dec.value = markDone, coopName(cur.Model), germanDay(cur.At)
	}
	rows = append(rows, dec)
	if n := len(t.res.Unanswered); n > 0 {
		rows = append(rows, listRow{label: "Offene Fragen (" + strconv.Itoa(n) + ")", value: "enter: beantworten"})
		for _, k := range t.res.Unanswered {
			q, _ := model.ProfileQuestionByKey(k)
			rows = append(rows, listRow{id: rowOpenPref + k, mark: markOpen, label: q.Label})
		}
	}
	t.list.setRows(rows)
}

// markedScoreLine is scoreLine with the row's legal marker ("⚠ bitte
// prüfen") at its end, shortened to "⚠" when the row is narrow: an
// unverified legal basis shows on the row itself, not only in the details.
//
// When any row is marked (anyMarked), every row leaves the marker's room,
// so that all bars have the same length and can be compared.
func markedScoreLine(st *Styles, rank int, ms model.ModelScore, nameW, w int, sel, anyMarked bool) string {
	if !anyMarked {
		return scoreLine(st, rank, ms, nameW, w, sel)
	}
	suffix := " ⚠ " + model.MarkerCheck
	if w-plainWidth(suffix) < 3+nameW+4+10 {
		suffix = " ⚠"
	}
	line := scoreLine(st, rank, ms, nameW, w-plainWidth(suffix), sel)
	if ms.Marker() != model.MarkerCheck || ms.Excluded {
		return line
	}
	return line + st.Warn.Render(suffix)
}

// coopName is the German name of a cooperation model.
func coopName(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok {
		return m.Name
	}
	return string(id)
}

// germanDay formats a date as 21.11.2026.
func germanDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02.01.2006")
}

// --- layout ---

// wideRecommend is the width from which ranking and detail sit side by
// side: bars and reasons both need room, so later than in the other tabs.
const wideRecommend = 120

// recLayout splits the box: list and pane as in the other tabs, with the
// disclaimer as the last line of the list column (wide) or of the box. On
// narrow screens the list shows the ranking and the decision, and the pane
// takes the whole box while it has the keyboard (editor, reading).
func (t *recommendTab) recLayout(full bool) layout {
	if t.w >= wideRecommend {
		lw := min(max(t.w*2/5, 40), 60)
		return layout{wide: true, listW: lw, listH: t.h - 1, paneW: t.w - lw - 3, paneH: t.h}
	}
	h := t.h - 1
	if full {
		return layout{listW: t.w, paneW: t.w, paneH: h}
	}
	lh := min(len(t.list.rows), max(h/2, t.decisionRow()+1), max(h, 0))
	return layout{listW: t.w, listH: lh, paneW: t.w, paneH: max(h-lh-1, 0)}
}

// decisionRow is the index of the decision row in the list.
func (t *recommendTab) decisionRow() int {
	for i, r := range t.list.rows {
		if r.id == rowDecision {
			return i
		}
	}
	return 0
}

// paneFull reports whether the pane has the keyboard.
func (t *recommendTab) paneFull() bool { return t.form != nil || t.detailFocus }

func (t *recommendTab) View() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	lay := t.recLayout(t.paneFull())
	focused := !t.paneFull()
	list := t.list.view(st, lay.listW, lay.listH, focused)
	var pane string
	if t.form != nil {
		pane = t.form.View()
	} else {
		pane = t.detailView()
	}
	note := st.Faint.Render(truncate(disclaimer, lay.listW))
	if lay.wide {
		return lay.join(st, fit(list, lay.listW, lay.listH)+strings.Repeat("\n", max(lay.listH-lineCount(list), 0)+1)+note, pane, t.w, t.h)
	}
	if t.h <= 1 {
		return note
	}
	return lay.join(st, list, pane, t.w, t.h-1) + "\n" + note
}

// syncDetail rebuilds the pane's content when the selection, the size or
// the session changed; View only shows it.
func (t *recommendTab) syncDetail() {
	lay := t.recLayout(t.paneFull())
	t.detail.Width, t.detail.Height = lay.paneW, lay.paneH
	row, _ := t.list.selected()
	base := strconv.Itoa(lay.paneW) + "|" + t.sess.Updated.String() + "|" + strconv.Itoa(len(t.sess.Decisions))
	if base != t.detailBase {
		t.detailBase, t.detailCache, t.detailRow = base, map[string][]string{}, ""
	}
	if row.id == t.detailRow {
		return
	}
	t.detailRow = row.id
	lines, ok := t.detailCache[row.id]
	if !ok {
		lines = strings.Split(t.detailText(row.id, max(lay.paneW, 10)), "\n")
		t.detailCache[row.id] = lines
	}
	t.detailLines = lines
	t.detail.SetContent(strings.Join(lines, "\n"))
	t.detail.GotoTop()
}

// detailView shows the lines in the viewport's window. The lines are
// wrapped to the pane already, so they need no second pass through
// lipgloss (the viewport's own View pads every line, which costs more
// than the rest of the frame).
func (t *recommendTab) detailView() string {
	top := min(max(t.detail.YOffset, 0), len(t.detailLines))
	end := min(top+t.detail.Height, len(t.detailLines))
	return strings.Join(t.detailLines[top:end], "\n")
}

// --- the detail pane ---

func (t *recommendTab) detailText(id string, w int) string {
	switch {
	case id == rowDecision:
		return t.decisionText(w)
	case strings.HasPrefix(id, rowOpenPref):
		return t.openQuestionText(strings.TrimPrefix(id, rowOpenPref), w)
	case strings.HasPrefix(id, rowModelPref):
		if d, ok := t.words.Detail(model.ModelID(strings.TrimPrefix(id, rowModelPref))); ok {
			return t.modelText(d, w)
		}
	}
	return ""
}

// section is a small writer for the detail text.
type section struct {
	st    *Styles
	w     int
	lines []string
}

func (s *section) title(text string) {
	if len(s.lines) > 0 {
		s.lines = append(s.lines, "")
	}
	s.lines = append(s.lines, s.st.Title.Render(truncate(text, s.w)))
}

func (s *section) para(style lipgloss.Style, text string) {
	s.lines = append(s.lines, para(style, text, s.w))
}

// item writes a hanging paragraph: prefix, then text wrapped beneath it.
func (s *section) item(prefix string, prefixStyle, style lipgloss.Style, text, src string) {
	pw := plainWidth(prefix)
	body := wrapText(text, max(s.w-pw, 10))
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		p := strings.Repeat(" ", pw)
		if i == 0 {
			p = prefixStyle.Render(prefix)
		}
		s.lines = append(s.lines, p+style.Render(l))
	}
	// The answer and source line wraps rather than being cut: the source is
	// what makes the point checkable.
	for _, l := range strings.Split(wrapText(src, max(s.w-pw, 10)), "\n") {
		if l != "" {
			s.lines = append(s.lines, strings.Repeat(" ", pw)+s.st.Faint.Render(l))
		}
	}
}

func (s *section) String() string { return strings.Join(s.lines, "\n") }

func (t *recommendTab) modelText(d wording.ModelDetail, w int) string {
	st := t.d.styles
	s := &section{st: st, w: w}
	res := t.words
	if res.CityState != "" {
		s.item("⚠ ", st.Warn, st.Warn, res.CityState, "")
		s.lines = append(s.lines, "")
	}
	if !d.Top { // the leader's own head says it; others are read against it
		s.para(st.Muted, res.Headline)
	}
	head := d.Name + " · " + d.ScoreText + " Punkte"
	if d.Excluded {
		head = d.Name + " · " + wording.Excluded
	}
	s.para(st.Title, head)
	if d.Excluded {
		s.item("✗ ", st.Error, st.Text, "Ausgeschlossen: "+d.Exclusion, wording.Source(d.ExclusionSource))
	}
	s.title("Dafür")
	if len(d.Pros) == 0 {
		s.lines = append(s.lines, st.Faint.Render(truncate(wording.NoPros, w)))
	}
	for _, c := range d.Pros {
		s.item(padRight(c.PointsText, 5), st.Good, st.Text, c.Text, reasonSource(c))
	}
	s.title("Dagegen")
	if len(d.Cons) == 0 {
		s.lines = append(s.lines, st.Faint.Render(truncate(wording.NoCons, w)))
	}
	for _, c := range d.Cons {
		s.item(padRight(c.PointsText, 5), st.Error, st.Text, c.Text, reasonSource(c))
	}
	if res.Flip != "" {
		s.title(wording.FlipPoint)
		s.para(st.Text, res.Flip)
	}
	if len(res.Contradictions) > 0 {
		s.title(wording.ContradictionsTitle)
		for _, c := range res.Contradictions {
			s.item("⚠ ", st.Warn, st.Text, c.Text+" "+c.Check, wording.Source(c.Source))
		}
	}
	if len(d.Warnings) > 0 {
		s.title("Bitte prüfen")
		for _, f := range d.Warnings {
			s.item("⚠ ", st.Warn, st.Text, f.Text, wording.Source(f.Source))
		}
	}
	s.title("Worum es geht")
	s.para(st.Muted, d.Description)
	if d.DescriptionSource != "" {
		s.lines = append(s.lines, st.Faint.Render(truncate(wording.Source(d.DescriptionSource), w)))
	}
	t.legalText(s, d.Model)
	if res.OpenNote != "" {
		s.title("Noch offen")
		s.para(st.Muted, res.OpenNote+" Siehe „Offene Fragen“ in der Liste.")
	}
	if g := d.Governance; g != nil {
		s.title("Steuerung: " + g.Title)
		for _, b := range g.Bodies {
			s.item("• ", st.Accent, st.Text, b, "")
		}
		if g.Source != "" {
			s.lines = append(s.lines, st.Faint.Render(truncate(wording.Source(g.Source), w)))
		}
	}
	if len(d.Checklist) > 0 {
		s.title("Vor der Entscheidung prüfen")
		for _, c := range d.Checklist {
			s.item("☐ ", st.Accent, st.Text, c.Text, wording.Source(c.Source))
		}
	}
	s.title("Was die Punkte bedeuten")
	s.para(st.Muted, wording.ScaleNote)
	return s.String()
}

// reasonSource says which answer gave the points and where the rule comes from.
func reasonSource(c wording.Reason) string {
	if c.Source == "" {
		return c.Answer
	}
	return c.Answer + " · " + wording.Source(c.Source)
}

// legalText writes the model's legal basis in the chosen Land.
func (t *recommendTab) legalText(s *section, id model.ModelID) {
	st := t.d.styles
	title, lines := t.words.ModelLegal(id)
	s.title(title)
	for _, l := range lines {
		style := st.Text
		if l.Warn {
			style = st.Warn
		}
		if t.words.Legal == nil {
			style = st.Muted
		}
		if l.Label == "" {
			s.para(style, l.Fact.String())
			continue
		}
		s.item(l.Label+": ", st.Muted, style, l.Fact.String(), "")
	}
}

func (t *recommendTab) openQuestionText(k string, w int) string {
	st := t.d.styles
	q, ok := model.ProfileQuestionByKey(k)
	if !ok {
		return ""
	}
	s := &section{st: st, w: w}
	s.lines = append(s.lines, st.Title.Render(truncate(q.Label, w)))
	s.para(st.Muted, q.Help)
	s.lines = append(s.lines, st.Faint.Render(truncate(wording.Source(q.Source), w)), "")
	s.para(st.Text, "Unbeantwortete Fragen zählen bei keinem Modell mit. Mit enter springen Sie ins Profil zu dieser Frage; danach führt Reiter 5 zurück.")
	return s.String()
}

func (t *recommendTab) decisionText(w int) string {
	st := t.d.styles
	s := &section{st: st, w: w}
	dec := wording.NewDecision(t.sess, t.words)
	if !dec.Has {
		s.lines = append(s.lines, st.Title.Render(truncate(wording.NoDecision, w)))
		s.para(st.Muted, wording.DecisionInvite+" Mit enter halten Sie fest, welches Modell Sie wählen und warum.")
		s.lines = append(s.lines, "")
		s.para(st.Text, t.words.Headline)
		return s.String()
	}
	s.lines = append(s.lines, st.Title.Render(truncate("Gewählt: "+dec.Name, w)))
	s.lines = append(s.lines, st.Muted.Render(truncate("festgehalten am "+dec.Date, w)))
	if cur, ok := t.sess.CurrentDecision(); ok && cur.Body != "" {
		s.item("Gremium: ", st.Muted, st.Text, cur.Body+", "+cur.At.In(displayZone).Format("02.01.2006, 15:04")+" Uhr", "")
	}
	if t.askVoid {
		s.para(st.Warn, "Diese Entscheidung als „irrtümlich erfasst“ markieren? Sie bleibt durchgestrichen in der Geschichte und gilt nicht mehr. j ja · n nein")
	}
	s.item("Begründung: ", st.Muted, st.Text, dec.Reason, "")
	if dec.Computed != wording.NoEntry {
		s.item("Damals berechnet: ", st.Muted, st.Text, dec.Computed, "")
	}
	if dec.Differs {
		s.para(st.Warn, dec.DiffersNote)
	}
	if len(dec.History) > 1 {
		s.title("Frühere Entscheidungen (" + strconv.Itoa(len(dec.History)-1) + ")")
		for _, e := range dec.History[1:] {
			s.item("· ", st.Faint, st.Muted, e.Date+" "+e.Model+" – "+e.Reason+" ("+e.Status+")", "")
		}
	}
	s.lines = append(s.lines, "")
	s.para(st.Faint, "enter: neue Entscheidung festhalten – frühere bleiben in der Geschichte erhalten.")
	return s.String()
}

// --- the decision editor ---

func (t *recommendTab) openEditor() tea.Cmd {
	t.prior, t.hasPrior = t.sess.CurrentDecision()
	now := t.d.now().In(displayZone)
	// The reason starts empty: a new decision gives its own reason.
	t.draft = &wizard.DecisionDraft{Date: now.Format(model.GermanDateLayout), Time: now.Format("15:04")}
	switch {
	case t.hasPrior:
		t.draft.Model, t.draft.Body = string(t.prior.Model), t.prior.Body
	case t.res.Top() != "":
		t.draft.Model = string(t.res.Top())
	default:
		t.draft.Model = string(model.ModelIDs[0])
	}
	t.drafts, t.restored = openDraft(t.d.store, t.sess.ID+"/decision", t.draft)
	t.draft.Confirm = false
	t.detailFocus = false
	if t.restored {
		return tea.Batch(t.buildForm(), statusCmd("Entwurf der Entscheidung fortgesetzt."))
	}
	return t.buildForm()
}

func (t *recommendTab) buildForm() tea.Cmd {
	lay := t.recLayout(true)
	w, h := lay.paneW, max(lay.paneH, 6)
	excluded := map[model.ModelID]bool{}
	for _, ms := range t.res.Ranking {
		excluded[ms.Model] = ms.Excluded
	}
	// model title + description + inline choice, a gap, the reason's title
	used := 1 + huhHeight("Berechnet wurde: Vereinbarung (delegierend). Die Gruppe darf anders entscheiden.", w) + 1 + 1 + 1
	choice, reason := wizard.DecisionFields(t.draft, t.res.Top(), excluded, max(h-used-8, 2))
	fields := append([]huh.Field{choice, reason}, wizard.DecisionRecordFields(t.draft)...)
	t.form = newItemForm(t.theme, w, h, fields...)
	return t.form.Init()
}

func (t *recommendTab) closeEditor() {
	t.form, t.draft = nil, nil
	t.detailBase = "" // show the new decision
	t.syncDetail()
}

// afterEdit keeps the draft in the store; the decision is recorded only
// when the last step is answered "Ja, festhalten" (one final change).
func (t *recommendTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	cmd := t.drafts.sync(t.draft)
	switch t.form.State {
	case huh.StateCompleted:
		if !t.draft.Confirm {
			t.closeEditor() // "noch nicht": nothing recorded, the draft stays
			return tea.Batch(cmd, statusCmd("Entscheidung nicht festgehalten – der Entwurf bleibt, enter setzt ihn fort."))
		}
		at, err := t.draft.At(displayZone)
		if err != nil {
			t.closeEditor()
			return tea.Batch(cmd, func() tea.Msg { return errMsg{err} })
		}
		d := model.Decision{Model: model.ModelID(t.draft.Model), Reason: strings.TrimSpace(t.draft.Reason),
			Body: strings.TrimSpace(t.draft.Body), At: at.UTC(), Computed: t.res.Top()}
		t.closeEditor()
		return tea.Batch(cmd, t.d.changes.do(model.AddDecisionChange(t.sess, d)), t.drafts.discard())
	case huh.StateAborted:
		t.closeEditor()
		return tea.Batch(cmd, statusCmd(decisionKeptNote))
	}
	return cmd
}
