package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/wizard"
)

// workshopTab is the Workshop tab: the participating municipalities, whom
// the answers are given for right now ("antworten als"), and the
// facilitator's view — per profile key and quick-check item the spread of
// the participants' answers with its consensus marker, disputed first, and
// the rankings side by side. Answering "als Moderation" sets the agreed
// answer, which is the session's own profile.
type workshopTab struct {
	d     tabDeps
	sess  *model.Session
	cons  model.Consensus
	keys  workshopKeys
	list  itemList
	w, h  int
	saver *autosaver // the room's current question only (not undoable, see workshop_changes.go)
	theme *huh.Theme

	// as is the participant whose answers are edited; "" is the
	// facilitator, whose answers are the agreed ones.
	as string

	// The open editor: a profile answer (q, draft), a one-line text
	// (edit, target, text) or the choice whom to merge into.
	form   *huh.Form
	q      model.ProfileQuestion
	draft  *wizard.ProfileDraft
	base   model.Answer
	edit   textEdit
	target string
	text   string
	// known is the answer the open editor started from: its change is
	// stored only while that answer is (version check, model.Change).
	known []model.Answer
	// under is set when the answer in the open editor was changed by
	// someone else meanwhile.
	under     string
	mergeFrom string
	mergeInto string
	err       string
	info      string // what the last action did (cleared by the next key)
	// infoOf is the change info tells about (info goes when it is undone)
	infoOf *model.Change

	confirm *confirmation // a yes/no question in the pane
	costs   *costsTab     // a participant's own cost figures (e), see workshop_costs.go

	scores model.ScoreCache // rankings of profiles that did not change
	// sent are this screen's changes the store may not have yet
	// (reconcile, workshop_changes.go).
	sent []model.Change

	// wide shows the rankings side by side over the whole tab, so that
	// every municipality gets a column (enter on "nebeneinander").
	wide       bool
	rankOffset int // the first municipality shown in the rankings
	// people lists every municipality; folded it is one row, so that the
	// questions start on the first screen with 12 municipalities.
	people bool

	follow      bool   // participant: the cursor follows the room's question
	lead        bool   // facilitator: the room's question follows the cursor
	seenCurrent string // the room's question last seen (followCurrent)
}

// Row IDs of the workshop list.
const (
	rowAsPrefix    = "as:"
	rowPeople      = "people" // the folded list of municipalities
	rowAdd         = "add"
	rowAddName     = "addname:" // a municipality named at creation, not yet taking part
	rowRankings    = "rank"
	rowKeyPrefix   = "k:"
	rowQuickPrefix = "q:"
)

// Consensus marks; each carries its meaning without colour.
const (
	markDissens   = "≠"
	markTeilweise = "≈"
	markEinig     = "="
	markAs        = "▸" // the participant the answers go to
	markProfil    = "◇" // a fact about each municipality, not a vote
	markSettled   = "✓" // the joint answer is set
)

func agreementMark(a model.Agreement) string {
	switch a {
	case model.Dissens:
		return markDissens
	case model.Teilweise:
		return markTeilweise
	case model.Einigkeit:
		return markEinig
	case model.Profil:
		return markProfil
	}
	return markOpen
}

// levelText is the agreement in words, with "x von n geantwortet" while
// answers are missing: "ausstehend · 2 von 3 geantwortet".
func levelText(sp model.Spread) string {
	if sp.Level == model.Ausstehend {
		return fmt.Sprintf("ausstehend · %d von %d geantwortet", sp.Answered, sp.Total)
	}
	return sp.Level.Label()
}

// levelShort is levelText for a list row: "ausstehend 2/3".
func levelShort(sp model.Spread) string {
	if sp.Level == model.Ausstehend {
		return fmt.Sprintf("ausstehend %d/%d", sp.Answered, sp.Total)
	}
	return sp.Level.Label()
}

type workshopKeys struct {
	tabKeys
	Choose   key.Binding // enter: answer as / edit / add
	Add      key.Binding
	Adopt    key.Binding
	AdoptAll key.Binding
	// The facilitator's room keys (on a municipality).
	Rename key.Binding
	Merge  key.Binding
	Remove key.Binding
	Absent key.Binding
	// Facilitation (on a question), and following the room's question.
	Blind   key.Binding
	Reveal  key.Binding
	Lock    key.Binding
	Current key.Binding
	Lead    key.Binding
	Follow  key.Binding
	Comment key.Binding
	Yes     key.Binding // confirms the question in the pane
	// j and n answer it as in the other tabs' questions
	ConfirmYes, ConfirmNo key.Binding
	Costs                 key.Binding // a participant's own cost figures
}

func defaultWorkshopKeys() workshopKeys {
	return workshopKeys{
		tabKeys:    defaultTabKeys(),
		Choose:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "wählen")),
		Add:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "Kommune hinzufügen")),
		Adopt:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "Mehrheit übernehmen")),
		AdoptAll:   key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "alles Einstimmige übernehmen")),
		Rename:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "umbenennen")),
		Merge:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "zusammenführen")),
		Remove:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "entfernen")),
		Absent:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "abwesend/da")),
		Blind:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "verdeckt an/aus")),
		Reveal:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "aufdecken")),
		Lock:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sperren")),
		Current:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "Frage für alle")),
		Lead:       key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "Raum folgt dem Cursor")),
		Follow:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "der Moderation folgen")),
		Comment:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "Kommentar")),
		Yes:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ja")),
		ConfirmYes: key.NewBinding(key.WithKeys("j", "J", "y", "Y"), key.WithHelp("j", "ja")),
		ConfirmNo:  key.NewBinding(key.WithKeys("n", "N", "q"), key.WithHelp("n", "nein")),
		Costs:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "eigene Kostenzahlen")),
	}
}

func newWorkshopTab(d tabDeps, sess *model.Session) *workshopTab {
	t := &workshopTab{d: d, sess: sess, keys: defaultWorkshopKeys(),
		saver: newAutosaver(d, sess.ID), theme: d.styles.HuhTheme(),
		people: d.participant || len(sess.Participants) <= 4, seenCurrent: sess.Current()}
	t.refresh()
	t.preselect()
	return t
}

func (t *workshopTab) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.costs != nil {
		t.costs.SetSize(w, h)
	}
	if t.form != nil {
		t.buildForm()
	}
}

func (t *workshopTab) Capturing() bool {
	if t.costs != nil {
		return t.costs.Capturing()
	}
	// An open editor or question has the keyboard, as in every tab: q or
	// a digit in a choice must not quit or switch the tab.
	return t.confirm != nil || (t.form != nil && t.form.State == huh.StateNormal)
}
func (t *workshopTab) WantsEsc() bool {
	return t.form != nil || t.wide || t.confirm != nil || t.costs != nil
}

func (t *workshopTab) KeyMap() help.KeyMap {
	if t.costs != nil {
		return t.costs.KeyMap()
	}
	if t.form != nil {
		return tabHelp(t.keys.tabKeys, nil, t.form)
	}
	if t.wide {
		return keyMap{short: []key.Binding{t.keys.Done}, full: [][]key.Binding{{t.keys.Done}}}
	}
	if t.confirm != nil {
		yes, no := t.keys.Yes, t.keys.Done
		yes.SetHelp("enter/j", "ja")
		no.SetHelp("esc/n", "nein")
		return keyMap{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no}}}
	}
	row, _ := t.list.selected()
	k := t.keys
	switch {
	case row.id == rowRankings:
		k.Choose.SetHelp("enter", "über die ganze Breite")
	case strings.HasPrefix(row.id, rowAsPrefix):
		k.Choose.SetHelp("enter", "antworten als")
	case row.id == rowPeople:
		k.Choose.SetHelp("enter", "Kommunen zeigen")
	case row.id == rowAdd, strings.HasPrefix(row.id, rowAddName):
		k.Choose.SetHelp("enter", "hinzufügen")
	case strings.HasPrefix(row.id, rowQuickPrefix):
		k.Choose.SetHelp("enter", "Status weiter")
	case strings.HasPrefix(row.id, rowKeyPrefix):
		k.Choose.SetHelp("enter", "beantworten")
	default:
		k.Choose.SetEnabled(false)
	}
	_, ok := t.majority(row.id)
	moderator := !t.d.participant
	facilitator := t.as == "" && moderator
	onPerson := strings.HasPrefix(row.id, rowAsPrefix) && row.id != rowAsPrefix
	item := itemKey(row.id)
	k.Adopt.SetEnabled(ok && facilitator)
	k.AdoptAll.SetEnabled(facilitator && t.unanimousOpen() > 0)
	k.Add.SetEnabled(moderator)
	k.Clear.SetEnabled(t.answered(row.id))
	for _, b := range []*key.Binding{&k.Rename, &k.Merge, &k.Remove, &k.Absent} {
		b.SetEnabled(moderator && onPerson)
	}
	k.Blind.SetEnabled(moderator)
	k.Reveal.SetEnabled(moderator && item != "" && t.sess.Workshop != nil && t.sess.Workshop.Blind)
	k.Lock.SetEnabled(moderator && item != "")
	k.Current.SetEnabled(moderator && item != "")
	k.Lead.SetEnabled(moderator)
	k.Follow.SetEnabled(t.d.participant)
	k.Costs.SetEnabled(t.d.participant && t.as != "")
	if t.follow {
		k.Follow.SetHelp("f", "nicht mehr folgen")
	}
	if t.lead {
		k.Lead.SetHelp("F", "Raum nicht mehr führen")
	}
	k.Comment.SetEnabled(item != "" && (facilitator || (t.as != "" && t.answered(row.id))))
	if facilitator {
		k.Comment.SetHelp("c", "Begründung")
	}
	h := tabHelp(k.tabKeys, []key.Binding{k.Choose, k.Costs, k.Adopt, k.Follow, k.Comment, k.AdoptAll, k.Add, k.Clear,
		k.Rename, k.Merge, k.Remove, k.Absent, k.Blind, k.Reveal, k.Lock, k.Current, k.Lead}, nil)
	if len(h.short) > 4 {
		// the footer names the first three; ? shows them all
		h.short = append(append([]key.Binding(nil), h.short[:3]...), k.Move)
	}
	return h
}

func (t *workshopTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	if cmd, done := t.costsUpdate(msg); done {
		return t, cmd
	}
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if newer(msg.sess, t.sess) {
			t.sess = msg.sess
			t.reconcile()
			t.staleInfo()
			t.lostClaim()
			t.costsLoaded()
			t.noticeUnder()
			t.refresh()
			t.followCurrent()
		}
		return t, nil
	case tea.KeyMsg:
		if t.confirm != nil {
			c := t.confirm
			switch {
			case key.Matches(msg, t.keys.Yes, t.keys.ConfirmYes):
				t.confirm = nil
				return t, c.yes()
			case key.Matches(msg, t.keys.Done, t.keys.ConfirmNo):
				t.confirm = nil
			}
			return t, nil
		}
		if t.wide {
			// esc or enter closes it; ↑/↓ scroll; other keys do nothing here.
			switch {
			case key.Matches(msg, t.keys.Done, t.keys.Choose):
				t.wide = false
			case key.Matches(msg, t.keys.Up):
				t.rankOffset = max(t.rankOffset-1, 0)
			case key.Matches(msg, t.keys.Down):
				t.rankOffset++
			}
			return t, nil
		}
		if t.form == nil {
			return t, t.listKey(msg)
		}
		if key.Matches(msg, t.keys.Done) {
			t.closeEditor()
			return t, nil
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	return t, tea.Batch(cmd, t.afterEdit())
}

// noticeUnder tells the open editor that its answer changed underneath.
func (t *workshopTab) noticeUnder() {
	if t.form == nil || t.draft == nil || t.as == "" {
		return
	}
	p := t.sess.Participant(t.as)
	if p == nil {
		return
	}
	cur, ok := p.Profile[t.q.Key]
	for _, k := range t.known {
		if (k == nil && !ok) || (k != nil && ok && slices.Equal(k, cur)) {
			t.under = ""
			return
		}
	}
	now := "keine Antwort"
	if ok {
		now = t.q.AnswerText(cur)
	}
	t.under = "Inzwischen anders gespeichert: " + now + ". Ihre Änderung wird nicht gespeichert – esc und neu öffnen."
}

func (t *workshopTab) listKey(msg tea.KeyMsg) tea.Cmd {
	row, _ := t.list.selected()
	t.info, t.err = "", ""
	if t.list.navigate(t.keys.tabKeys, msg) {
		return t.leadMoved()
	}
	if cmd, ok := t.roomKey(row.id, msg); ok {
		return cmd
	}
	if key.Matches(msg, t.keys.Costs) && t.d.participant {
		return t.openCosts()
	}
	answering := key.Matches(msg, t.keys.AdoptAll, t.keys.Adopt, t.keys.Clear, t.keys.Cycle) ||
		(key.Matches(msg, t.keys.Choose) && (strings.HasPrefix(row.id, rowKeyPrefix) || strings.HasPrefix(row.id, rowQuickPrefix)))
	if answering && t.d.participant && t.as == "" {
		// A participant's answers count only for a municipality; the
		// joint ones are the facilitator's.
		t.info = "Bitte zuerst oben Ihre Kommune wählen (enter) – dann zählen Ihre Antworten für sie."
		t.toFirstParticipant()
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.AdoptAll):
		if t.as == "" {
			return t.adoptAll()
		}
	case key.Matches(msg, t.keys.Add):
		if !t.d.participant {
			return t.openAdd()
		}
	case key.Matches(msg, t.keys.Adopt):
		if t.as != "" || t.d.participant {
			return nil
		}
		if g, ok := t.majority(row.id); ok {
			return t.adopt(row.id, g)
		}
		if strings.HasPrefix(row.id, rowKeyPrefix) || strings.HasPrefix(row.id, rowQuickPrefix) {
			t.info = "Keine Mehrheit unter den Antworten – bitte die gemeinsame Antwort mit enter selbst festlegen."
		}
	case key.Matches(msg, t.keys.Clear):
		if t.answered(row.id) {
			t.askClear(row.id)
		}
	case key.Matches(msg, t.keys.Cycle):
		if id, ok := strings.CutPrefix(row.id, rowQuickPrefix); ok {
			return t.saveQuick(id, nextRating(t.quickStatus(id)))
		}
	case key.Matches(msg, t.keys.Choose):
		if !t.d.participant && (row.id == rowAdd || strings.HasPrefix(row.id, rowAddName)) {
			// handled below
		} else if row.id == rowAdd || strings.HasPrefix(row.id, rowAddName) {
			return nil
		}
		switch {
		case row.id == rowAdd:
			return t.openAdd()
		case row.id == rowRankings:
			t.wide = true
		case row.id == rowPeople:
			t.people = true
			t.refresh()
		case strings.HasPrefix(row.id, rowAddName):
			return t.addNamed(strings.TrimPrefix(row.id, rowAddName))
		case strings.HasPrefix(row.id, rowAsPrefix):
			return t.chooseAs(strings.TrimPrefix(row.id, rowAsPrefix))
		case strings.HasPrefix(row.id, rowKeyPrefix):
			if k := strings.TrimPrefix(row.id, rowKeyPrefix); t.as != "" && t.sess.Locked(k) {
				t.info = "Diese Frage ist gesperrt – die Moderation nimmt keine Antworten mehr an."
				return nil
			}
			return t.openEditor(strings.TrimPrefix(row.id, rowKeyPrefix))
		case strings.HasPrefix(row.id, rowQuickPrefix):
			id := strings.TrimPrefix(row.id, rowQuickPrefix)
			return t.saveQuick(id, nextRating(t.quickStatus(id)))
		}
	}
	return nil
}

// roomKey handles the facilitator's room and facilitation keys and a
// participant's follow and comment keys; handled is false for other keys.
func (t *workshopTab) roomKey(rowID string, msg tea.KeyMsg) (cmd tea.Cmd, handled bool) {
	k := t.keys
	item := itemKey(rowID)
	pid, onPerson := strings.CutPrefix(rowID, rowAsPrefix)
	onPerson = onPerson && pid != ""
	if t.d.participant {
		switch {
		case key.Matches(msg, k.Follow):
			t.follow = !t.follow
			t.info = "Sie folgen jetzt der Frage, die die Moderation zeigt."
			if !t.follow {
				t.info = "Sie wählen die Fragen wieder selbst."
			} else if cur := t.sess.Current(); cur != "" {
				t.list.selectID(rowOf(cur))
			}
			return nil, true
		case key.Matches(msg, k.Comment) && item != "" && t.as != "":
			if !t.answered(rowID) {
				t.info = "Erst antworten, dann kommentieren."
				return nil, true
			}
			return t.openText(editComment, item), true
		}
		return nil, false
	}
	switch {
	case onPerson && key.Matches(msg, k.Rename):
		return t.openText(editRename, pid), true
	case onPerson && key.Matches(msg, k.Merge):
		if len(t.sess.Participants) < 2 {
			t.info = "Zum Zusammenführen braucht es zwei Kommunen."
			return nil, true
		}
		return t.openMerge(pid), true
	case onPerson && key.Matches(msg, k.Remove):
		t.askRemove(pid)
		return nil, true
	case onPerson && key.Matches(msg, k.Absent):
		return t.toggleAbsent(pid), true
	case key.Matches(msg, k.Blind):
		return t.toggleBlind(), true
	case key.Matches(msg, k.Lead):
		t.lead = !t.lead
		t.info = "Der Raum folgt jetzt Ihrem Cursor (Teilnehmende mit f, die Präsentation immer)."
		if !t.lead {
			t.info = "Der Raum folgt nicht mehr Ihrem Cursor; f zeigt eine Frage für alle."
			return nil, true
		}
		return t.leadMoved(), true
	case item == "":
		return nil, false
	case key.Matches(msg, k.Reveal):
		return t.toggleReveal(item), true
	case key.Matches(msg, k.Lock):
		return t.toggleLock(item), true
	case key.Matches(msg, k.Current):
		return t.setCurrent(item, "Diese Frage sehen jetzt alle, die folgen, und die Präsentation."), true
	case key.Matches(msg, k.Comment):
		if t.as != "" {
			if !t.answered(rowID) {
				t.info = "Erst antworten, dann kommentieren."
				return nil, true
			}
			return t.openText(editComment, item), true
		}
		return t.openText(editReason, item), true
	}
	return nil, false
}

// nextRating cycles offen → in Arbeit → erledigt → nicht relevant → offen;
// unrated starts at offen (unlike the phase tab: a rating starts from
// nothing, not from the default status).
func nextRating(s model.QuickStatus) model.QuickStatus {
	for i, o := range model.QuickStatuses {
		if o.Value == string(s) {
			return model.QuickStatus(model.QuickStatuses[(i+1)%len(model.QuickStatuses)].Value)
		}
	}
	return model.StatusOffen
}

// profile is the profile being answered: the participant's or the agreed one.
func (t *workshopTab) profile() model.Profile {
	if p := t.sess.Participant(t.as); p != nil {
		return p.Profile
	}
	return t.sess.Profile
}

func (t *workshopTab) quickStatus(id string) model.QuickStatus {
	if p := t.sess.Participant(t.as); p != nil {
		return p.QuickCheck[id]
	}
	return t.sess.QuickCheck[id].Status
}

func (t *workshopTab) answered(rowID string) bool {
	if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
		_, ok := t.profile()[k]
		return ok
	}
	if id, ok := strings.CutPrefix(rowID, rowQuickPrefix); ok {
		return t.quickStatus(id) != ""
	}
	return false
}

// majority is the answer the facilitator can adopt with one key: the
// strict majority of all participants.
func (t *workshopTab) majority(rowID string) (model.Group, bool) {
	if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
		for _, kc := range t.cons.Keys {
			if kc.Question.Key == k {
				return kc.Majority()
			}
		}
	}
	if id, ok := strings.CutPrefix(rowID, rowQuickPrefix); ok {
		for _, qc := range t.cons.Quick {
			if qc.Item.ID == id {
				return qc.Majority()
			}
		}
	}
	return model.Group{}, false
}

// unanimousOpen counts the keys and items on which all participants agree
// but no joint answer is set yet.
func (t *workshopTab) unanimousOpen() int {
	n := 0
	for _, k := range t.cons.Keys {
		if k.Level == model.Einigkeit && k.Agreed == nil {
			n++
		}
	}
	for _, q := range t.cons.Quick {
		if q.Level == model.Einigkeit && q.Agreed == "" {
			n++
		}
	}
	return n
}

// adoptAll takes over every unanimous answer as the joint one, as one
// change.
func (t *workshopTab) adoptAll() tea.Cmd {
	c, n := model.AdoptUnanimousChange(t.sess)
	if n == 0 {
		t.info = "Keine einstimmigen Antworten offen."
		return nil
	}
	return t.commit(c, fmt.Sprintf("%s als gemeinsame Antworten übernommen.", wording.Plural(n, "einstimmige Antwort", "einstimmige Antworten")))
}

func (t *workshopTab) adopt(rowID string, g model.Group) tea.Cmd {
	if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
		return t.saveAnswer(k, g.Answer)
	}
	return t.saveQuick(strings.TrimPrefix(rowID, rowQuickPrefix), g.Status)
}

// saveAnswer stores a for the current target and shows it at once.
func (t *workshopTab) saveAnswer(k string, a model.Answer) tea.Cmd {
	c := t.answerChange(k, a)
	if t.form != nil && t.draft != nil && t.q.Key == k && len(c.Edits) == 1 && len(t.known) > 0 {
		// The version check: the editor's change is stored only over
		// the answer it started from, not over one given meanwhile.
		c.Edits[0].Before = model.Value{Set: t.known[0] != nil, Answer: t.known[0]}
	}
	return t.commit(c, "")
}

// answerChange is the change of the answer to k for the current target.
func (t *workshopTab) answerChange(k string, a model.Answer) model.Change {
	if t.as == "" {
		return model.SetAnswerChange(t.sess, k, a)
	}
	return model.SetParticipantAnswerChange(t.sess, t.as, k, a)
}

func (t *workshopTab) saveQuick(id string, st model.QuickStatus) tea.Cmd {
	if t.as != "" {
		return t.commit(model.SetParticipantQuickChange(t.sess, t.as, id, st), "")
	}
	return t.commit(model.SetQuickAgreedChange(t.sess, id, st), "")
}

// own replaces t.sess by a copy that is safe to change: the loaded session
// is shared with the other tabs, which must not see unsaved edits.
func (t *workshopTab) own() { t.sess = cloneWorkshop(t.sess) }

func (t *workshopTab) openAdd() tea.Cmd { return t.openText(editAdd, "") }

func (t *workshopTab) openEditor(k string) tea.Cmd {
	q, ok := model.ProfileQuestionByKey(k)
	if !ok {
		return nil
	}
	t.closeEditor()
	t.q, t.err = q, ""
	t.base = append(model.Answer(nil), t.profile()[k]...)
	if _, ok := t.profile()[k]; !ok {
		t.base = nil
	}
	q = model.GroupWording(q)
	t.q = q
	t.known = []model.Answer{t.base}
	if _, ok := t.profile()[k]; ok && t.base == nil {
		t.known = []model.Answer{{}}
	}
	t.draft = wizard.NewProfileDraft(q, t.base)
	return t.buildForm()
}

func (t *workshopTab) buildForm() tea.Cmd {
	lay := splitBox(t.w, t.h, len(t.list.rows), true)
	h := max(lay.paneH-2, 3)
	var f huh.Field
	if t.edit != editNone {
		f = t.textField()
	} else {
		// the Profil tab's editor: no "keine Angabe" (wrapping round
		// never clears), options wrapped and using the height there is
		f = wizard.ProfileEditField(t.q, t.draft, lay.paneW-huhFrame, h)
	}
	t.form = newItemForm(t.theme, lay.paneW, h, f)
	return t.form.Init()
}

func (t *workshopTab) closeEditor() {
	t.form, t.draft, t.edit, t.err, t.under, t.mergeFrom = nil, nil, editNone, "", "", ""
}

// afterEdit saves a changed answer at once (like the Profil tab), and adds
// the participant when the name is confirmed.
func (t *workshopTab) afterEdit() tea.Cmd {
	if t.form == nil {
		return nil
	}
	if t.edit != editNone || t.mergeFrom != "" {
		switch t.form.State {
		case huh.StateAborted:
			t.closeEditor()
		case huh.StateCompleted:
			if t.mergeFrom != "" {
				from, into := t.mergeFrom, t.mergeInto
				t.closeEditor()
				c, err := model.MergeParticipantChange(t.sess, from, into)
				if err != nil {
					t.err = err.Error()
					return nil
				}
				return t.commit(c, c.Name+". z nimmt es zurück.")
			}
			return t.textDone()
		}
		return nil
	}
	// The editing contract: moving in the editor changes nothing; enter
	// commits; esc closes it and the stored answer stays as it was.
	switch t.form.State {
	case huh.StateNormal:
		return nil
	case huh.StateAborted:
		t.closeEditor()
		return nil
	}
	a, changed, errText := changedAnswer(t.draft, t.q, &t.base)
	if errText != "" {
		t.err = errText
		return t.buildForm() // a completed form takes no more keys: reopen it on the draft
	}
	var cmd tea.Cmd
	if changed {
		cmd = t.saveAnswer(t.q.Key, a)
	}
	refused := t.err // a refused change is said in the list's pane
	closeWhenDone(t.form, t.closeEditor, &t.list)
	if t.form == nil {
		t.err = refused
	}
	return cmd
}

// asName names the current target.
func (t *workshopTab) asName() string {
	if p := t.sess.Participant(t.as); p != nil {
		return model.SafeLine(p.Name)
	}
	if t.d.participant {
		return "– Kommune wählen –"
	}
	return "Moderation (gemeinsame Antworten)"
}

// toFirstParticipant puts the cursor on the first municipality.
func (t *workshopTab) toFirstParticipant() {
	for _, r := range t.list.rows {
		if strings.HasPrefix(r.id, rowAsPrefix) && r.id != rowAsPrefix {
			t.list.selectID(r.id)
			return
		}
	}
}

// refresh recomputes the consensus and the rows.
func (t *workshopTab) refresh() {
	t.cons = model.ComputeConsensusCached(t.sess, &t.scores)
	answered := func(p model.Profile) int {
		n := 0
		for _, q := range model.ProfileQuestions {
			if _, ok := p[q.Key]; ok && p.Visible(q) {
				n++
			}
		}
		return n
	}
	total := len(model.ProfileQuestions)
	// Whom the answers go to: in the heading, and — folded, where a long
	// name would be cut from the heading — as the one row below it.
	rows := []listRow{{label: "Teilnehmende", value: "antworten als: " + t.asName()}}
	asRow := func(id, label string, p model.Profile) listRow {
		r := listRow{id: rowAsPrefix + id, label: model.SafeLine(label), mark: markOpen,
			value: fmt.Sprintf("%d/%d beantwortet", answered(p), total)}
		if id == t.as {
			r.mark = markAs
		}
		return r
	}
	if t.people {
		if !t.d.participant {
			rows = append(rows, asRow("", "Moderation", t.sess.Profile))
		}
		for _, p := range t.sess.Participants {
			r := asRow(p.ID, p.Name, p.Profile)
			switch {
			case p.Absent:
				r.value, r.dim = "abwesend", true
			case t.d.claims != nil && t.d.claims.Online(t.sess.ID, p.ID):
				// the online marker: someone answers for it right now
				r.value = "● " + r.value
				if p.ID != t.as && t.d.participant {
					r.value = "● verbunden · " + fmt.Sprintf("%d/%d", answered(p.Profile), total)
				}
			}
			rows = append(rows, r)
		}
		if !t.d.participant {
			for _, name := range t.namedNotTakingPart() {
				rows = append(rows, listRow{id: rowAddName + name, label: "+ " + model.SafeLine(name), value: "noch nicht dabei"})
			}
			rows = append(rows, listRow{id: rowAdd, label: "+ Kommune hinzufügen"})
		}
	} else {
		present, online := 0, 0
		for _, p := range t.sess.Participants {
			if !p.Absent {
				present++
			}
			if t.d.claims != nil && t.d.claims.Online(t.sess.ID, p.ID) {
				online++
			}
		}
		v := fmt.Sprintf("%d da", present)
		if t.d.claims != nil {
			v += fmt.Sprintf(" · %d verbunden", online)
		}
		label := wording.Plural(len(t.sess.Participants), "Kommune", "Kommunen")
		if t.as != "" {
			label = t.asName()
			v = wording.Plural(len(t.sess.Participants), "Kommune", "Kommunen") + " · " + v
		}
		rows = append(rows, listRow{id: rowPeople, mark: map[bool]string{true: markAs, false: markOpen}[t.as != ""], label: label, value: v})
	}

	var tops []string
	for _, c := range t.cons.Rankings {
		if top, ok := columnLeader(c); ok {
			tops = append(tops, modelShort(top))
		}
	}
	if !t.d.participant || t.sess.Workshop == nil || !t.sess.Workshop.Blind {
		// In blind mode the rankings would tell participants the others' answers.
		rows = append(rows, listRow{label: "Rangfolgen"},
			listRow{id: rowRankings, label: "nebeneinander", value: spitze(tops)})
	}

	// The facilitator sees disputed first; whoever answers for a
	// municipality keeps the catalogue order, so the list does not jump
	// while the others answer.
	cons := t.cons
	if t.as != "" {
		cons = cons.InCatalogueOrder()
	}
	blind := t.d.participant && t.sess.Workshop != nil && t.sess.Workshop.Blind
	profHead := fmt.Sprintf("%d strittig · %d festgelegt", t.cons.Disputed(), t.cons.Settled())
	quickHead := strconv.Itoa(t.cons.DisputedQuick()) + " strittig"
	if blind {
		profHead, quickHead = "verdeckt bis zum Aufdecken", ""
	}
	rows = append(rows, listRow{label: "Profil", value: profHead})
	for _, k := range cons.Keys {
		rows = append(rows, listRow{id: rowKeyPrefix + k.Question.Key, mark: t.rowMark(k.Question.Key, k.Spread, k.Settled()),
			label: t.currentLabel(k.Question.Key, k.Question.Label), value: t.keyValue(k)})
	}
	rows = append(rows, listRow{label: "Quick-Check", value: quickHead})
	for _, q := range cons.Quick {
		rows = append(rows, listRow{id: rowQuickPrefix + q.Item.ID, mark: t.rowMark(q.Item.ID, q.Spread, q.Settled()), label: t.currentLabel(q.Item.ID, q.Item.Text), value: t.quickValue(q)})
	}
	if !sameRows(rows, t.list.rows) {
		// unchanged rows keep the list's rendering cache: most changes
		// of others alter a row or two, many none on this screen
		t.list.setRows(rows)
	}
}

// sameRows compares the workshop's rows (which never use listRow.line).
func sameRows(a, b []listRow) bool {
	return slices.EqualFunc(a, b, func(x, y listRow) bool {
		return x.id == y.id && x.mark == y.mark && x.label == y.label && x.value == y.value &&
			x.dim == y.dim && x.warn == y.warn && x.line == nil && y.line == nil
	})
}

// namedNotTakingPart lists the municipalities named when the session was
// created that are not participants yet, so each is one enter away.
func (t *workshopTab) namedNotTakingPart() []string {
	var out []string
	for _, name := range dedupe(t.sess.Municipalities) {
		taken := false
		for _, p := range t.sess.Participants {
			taken = taken || strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(name))
		}
		if !taken && strings.TrimSpace(name) != "" {
			out = append(out, name)
		}
	}
	return out
}

// addNamed makes a municipality named at creation a participant.
func (t *workshopTab) addNamed(name string) tea.Cmd {
	c, err := model.AddParticipantChange(t.sess, name)
	if err != nil {
		t.err = err.Error()
		return nil
	}
	return t.commit(c, "„"+model.SafeLine(name)+"“ ist dabei.")
}

// stepKey moves the cursor to the next (dir 1) or previous (dir -1)
// profile question, starting from the current one (see currentKey); the
// presenter view steps through the questions this way.
func (t *workshopTab) stepKey(dir int) {
	row, _ := t.list.selected()
	if !strings.HasPrefix(row.id, rowKeyPrefix) {
		k, ok := t.currentKey()
		if !ok || !t.list.selectID(rowKeyPrefix+k.Question.Key) {
			t.toFirstOpenKey()
			return
		}
	}
	for i := t.list.cursor + dir; i >= 0 && i < len(t.list.rows); i += dir {
		if strings.HasPrefix(t.list.rows[i].id, rowKeyPrefix) {
			t.list.cursor = i
			return
		}
	}
}

// toFirstOpenKey puts the cursor on the first profile question the current
// target has not answered (else the first one): choosing whom to answer
// for leads straight to the questions.
func (t *workshopTab) toFirstOpenKey() {
	first := ""
	for _, r := range t.list.rows {
		k, ok := strings.CutPrefix(r.id, rowKeyPrefix)
		if !ok {
			continue
		}
		if first == "" {
			first = r.id
		}
		if _, done := t.profile()[k]; !done {
			t.list.selectID(r.id)
			return
		}
	}
	if first != "" {
		t.list.selectID(first)
	}
}

// currentLabel marks the room's question with »; the item list cuts long
// labels, so the mark goes first.
func (t *workshopTab) currentLabel(k, label string) string {
	if t.sess.Current() == k {
		return "» " + label
	}
	return label
}

// rowMark is a row's marker: ✓ once the joint answer is set (for the
// facilitator), else the agreement.
func (t *workshopTab) rowMark(k string, sp model.Spread, settled bool) string {
	switch {
	case t.hidden(k):
		return markOpen
	case settled && t.as == "" && !t.d.participant:
		return markSettled
	}
	return agreementMark(sp.Level)
}

// keyValue is the list value of a profile key. Whoever answers for a
// municipality sees their own answer first (it must not be cut off); the
// facilitator sees the joint answer once set, else the agreement.
func (t *workshopTab) keyValue(k model.KeyConsensus) string {
	if t.as != "" || t.d.participant {
		v := "–"
		if a, ok := t.profile()[k.Question.Key]; ok {
			v = k.Question.AnswerText(a)
		}
		return v + " · " + t.levelFor(k.Question.Key, k.Spread)
	}
	if k.Agreed != nil {
		return "gemeinsam: " + k.Question.AnswerText(k.Agreed)
	}
	return levelShort(k.Spread)
}

// levelFor is levelShort, or only how many answered while hidden.
func (t *workshopTab) levelFor(k string, sp model.Spread) string {
	v := levelShort(sp)
	if t.hidden(k) {
		v = fmt.Sprintf("verdeckt %d/%d", sp.Answered, sp.Total)
	}
	if t.sess.Locked(k) {
		v += " · gesperrt"
	}
	return v
}

// quickValue is keyValue for a quick-check item.
func (t *workshopTab) quickValue(q model.QuickConsensus) string {
	if t.as != "" || t.d.participant {
		v := "–"
		if st := t.quickStatus(q.Item.ID); st != "" {
			v = model.QuickStatusLabel(st)
		}
		return v + " · " + t.levelFor(q.Item.ID, q.Spread)
	}
	if q.Agreed != "" {
		return "gemeinsam: " + model.QuickStatusLabel(q.Agreed)
	}
	return levelShort(q.Spread)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func modelShort(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok {
		return m.Short
	}
	return string(id)
}

// participantName returns the name of a participant ID.
func (t *workshopTab) participantName(id string) string {
	if p := t.sess.Participant(id); p != nil {
		return model.SafeLine(p.Name)
	}
	return id
}

// currentKey is the profile key the facilitator is on (for the presenter
// view), else the first disputed one.
func (t *workshopTab) currentKey() (model.KeyConsensus, bool) {
	row, _ := t.list.selected()
	want := strings.TrimPrefix(row.id, rowKeyPrefix)
	if t.form != nil && t.draft != nil {
		want = t.q.Key
	}
	for _, k := range t.cons.Keys {
		if k.Question.Key == want {
			return k, true
		}
	}
	if len(t.cons.Keys) > 0 && t.cons.Keys[0].Level.Disputed() {
		return t.cons.Keys[0], true
	}
	return model.KeyConsensus{}, false
}

func (t *workshopTab) View() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	if t.costs != nil {
		return t.costs.View()
	}
	st := t.d.styles
	if t.wide {
		lines := append(t.rankingsPane(t.w, t.h), "", st.Faint.Render(truncate("esc oder enter: zurück zur Liste", t.w)))
		return block(fit(strings.Join(lines, "\n"), t.w, t.h), t.w, t.h)
	}
	rows := len(t.list.rows)
	var pane string // drawn once when it fits below the list
	if row, _ := t.list.selected(); t.w < wideTab && itemKey(row.id) != "" && t.form == nil {
		// Stacked on a narrow screen: the spread below gets the lines it
		// needs, the list the rest – at least a third (a participant's
		// short spread left the list one question at 80x24).
		pane = strings.TrimRight(t.paneView(t.w, t.h), "\n ")
		rows = min(rows, max(t.h-lineCount(pane)-1, t.h/3, 4))
	}
	lay := splitBox(t.w, t.h, rows, t.form != nil)
	if pane == "" || lineCount(pane) > lay.paneH {
		pane = t.paneView(lay.paneW, lay.paneH)
	}
	list := t.list.view(st, lay.listW, lay.listH, t.form == nil)
	return lay.join(st, list, pane, t.w, t.h)
}

func (t *workshopTab) paneView(w, h int) string {
	st := t.d.styles
	if t.form != nil {
		var b strings.Builder
		if t.draft != nil {
			b.WriteString(st.Muted.Render(truncate("  antworten als: "+t.asName(), w)) + "\n")
		}
		b.WriteString(t.form.View())
		if t.under != "" {
			b.WriteString("\n" + para(st.Warn, t.under, w))
		}
		if t.err != "" {
			b.WriteString("\n" + st.Error.Render(truncate("  "+t.err, w)))
		}
		return b.String()
	}
	var lines []string
	if t.confirm != nil {
		return strings.Join([]string{st.Warn.Render("Bitte bestätigen"), "", para(st.Title, t.confirm.text, w), "",
			st.Faint.Render(truncate("enter oder j: ja · esc oder n: nein", w))}, "\n")
	}
	if t.err != "" {
		lines = append(lines, para(st.Error, t.err, w), "")
	}
	if t.info != "" {
		lines = append(lines, para(st.Good, t.info, w), "")
	}
	row, _ := t.list.selected()
	switch {
	case strings.HasPrefix(row.id, rowAddName):
		lines = append(lines, st.Title.Render("Kommune hinzufügen"),
			para(st.Muted, "Enter nimmt „"+strings.TrimPrefix(row.id, rowAddName)+"“ als teilnehmende Kommune auf. Sie wurde beim Anlegen der Sitzung genannt.", w))
	case row.id == rowAdd:
		lines = append(lines, st.Title.Render("Kommune hinzufügen"),
			para(st.Muted, "Jede teilnehmende Kommune beantwortet das Profil für sich. Danach zeigt dieser Reiter, wo Sie sich einig sind und wo nicht.", w))
		if len(t.sess.Municipalities) > 0 {
			lines = append(lines, "", st.Faint.Render(truncate("Beim Anlegen genannt: "+strings.Join(t.sess.Municipalities, ", "), w)))
		}
	case strings.HasPrefix(row.id, rowAsPrefix):
		lines = append(lines, t.asPane(strings.TrimPrefix(row.id, rowAsPrefix), w)...)
	case row.id == rowRankings:
		lines = append(lines, t.rankingsPane(w, h)...)
	case strings.HasPrefix(row.id, rowKeyPrefix):
		lines = append(lines, t.keyPane(strings.TrimPrefix(row.id, rowKeyPrefix), w)...)
	case strings.HasPrefix(row.id, rowQuickPrefix):
		lines = append(lines, t.quickPane(strings.TrimPrefix(row.id, rowQuickPrefix), w)...)
	}
	return strings.Join(lines, "\n")
}

func (t *workshopTab) asPane(id string, w int) []string {
	st := t.d.styles
	var prof model.Profile
	title := "Moderation"
	text := "Als Moderation legen Sie die gemeinsame Antwort je Frage fest; sie ist das Profil der Sitzung und ergibt die gemeinsame Empfehlung."
	if p := t.sess.Participant(id); p != nil {
		prof, title = p.Profile, model.SafeLine(p.Name)
		text = "Enter: ab jetzt für diese Kommune antworten. Ihre Antworten zählen für die Verteilung, nicht für die gemeinsame Empfehlung."
	} else {
		prof = t.sess.Profile
	}
	lines := []string{st.Title.Render(truncate(title, w)), para(st.Muted, text, w), ""}
	if t.d.participant && id != t.as {
		// another municipality's ranking would tell its answers (blind mode)
		return lines
	}
	r := t.scores.Score(prof)
	nameW := rankNameWidth(r, w)
	place := model.Places(r.Ranking)
	for i, ms := range r.Ranking[:min(3, len(r.Ranking))] {
		lines = append(lines, scoreLine(st, place[i], ms, nameW, w, false))
	}
	if n := len(r.Unanswered); n > 0 {
		lines = append(lines, st.Faint.Render(truncate(fmt.Sprintf("%d Fragen unbeantwortet", n), w)))
	}
	return lines
}

// rankingsPane shows every municipality's ranking (rankingsTable) and
// what the joint one is based on.
func (t *workshopTab) rankingsPane(w, h int) []string {
	st := t.d.styles
	lines := t.rankingsTable(st, w, h-3, &t.rankOffset)
	if !t.wide {
		lines = append(lines, st.Faint.Render(truncate("enter: über die ganze Breite", w)))
	}
	return append(lines, "", para(st.Faint, "Je Kommune die Empfehlung aus ihren eigenen Antworten; „Gemeinsam“ aus den festgelegten gemeinsamen Antworten.", w))
}

// stateLines say how the facilitator handles item k right now: the room's
// question, hidden, locked.
func (t *workshopTab) stateLines(k string, w int) []string {
	st := t.d.styles
	var parts []string
	if t.sess.Current() == k {
		parts = append(parts, "» Frage für alle")
	}
	if t.sess.Hidden(k) {
		if t.d.participant {
			parts = append(parts, "verdeckt")
		} else {
			parts = append(parts, "verdeckt für Teilnehmende (v deckt auf)")
		}
	}
	if t.sess.Locked(k) {
		parts = append(parts, "gesperrt – keine Antworten mehr")
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{st.Accent.Render(truncate(strings.Join(parts, " · "), w)), ""}
}

// hiddenLines replace the spread for a participant in blind mode: only
// how many answered, and the own answer with its comment.
func (t *workshopTab) hiddenLines(k string, text func(model.Answer) string, w int) []string {
	st := t.d.styles
	answered, total := 0, 0
	for _, p := range t.sess.Participants {
		if p.Absent {
			continue
		}
		total++
		if _, ok := p.Profile[k]; ok {
			answered++
		} else if _, ok := p.QuickCheck[k]; ok {
			answered++
		}
	}
	lines := []string{para(st.Text, fmt.Sprintf("Verdeckt: %d von %d haben geantwortet. Die Antworten der anderen und die gemeinsame erscheinen, wenn die Moderation aufdeckt.", answered, total), w), ""}
	if p := t.sess.Participant(t.as); p != nil {
		mine := "noch keine"
		if a, ok := p.Profile[k]; ok && text != nil {
			mine = text(a)
		} else if stt, ok := p.QuickCheck[k]; ok {
			mine = model.QuickStatusLabel(stt)
		}
		lines = append(lines, st.Title.Render(truncate("Ihre Antwort: "+mine, w)))
		if c := p.Comments[k]; c != "" {
			lines = append(lines, para(st.Muted, "Ihr Kommentar: "+model.SafeText(c), w))
		}
		lines = append(lines, st.Faint.Render(truncate("enter: beantworten als "+t.asName(), w)))
	} else {
		lines = append(lines, st.Faint.Render(truncate("Bitte zuerst oben Ihre Kommune wählen.", w)))
	}
	return lines
}

// commentLines list the participants' comments on their answers to k.
func (t *workshopTab) commentLines(k string, w int) []string {
	st := t.d.styles
	var lines []string
	for _, p := range t.sess.Participants {
		if c := p.Comments[k]; c != "" {
			lines = append(lines, para(st.Muted, "„"+model.SafeText(c)+"“ – "+model.SafeLine(p.Name), w))
		}
	}
	if len(lines) > 0 {
		lines = append([]string{"", st.Faint.Render("Kommentare")}, lines...)
	}
	return lines
}

// spreadLines lists the groups of a spread with the participants' names.
func (t *workshopTab) spreadLines(sp model.Spread, label func(model.Group) string, w int) []string {
	st := t.d.styles
	var lines []string
	for _, g := range sp.Groups {
		names := make([]string, len(g.Participants))
		for i, id := range g.Participants {
			names[i] = t.participantName(id)
		}
		head, who := fmt.Sprintf("%d× %s", len(g.Participants), label(g)), strings.Join(names, ", ")
		if plainWidth(head)+2+plainWidth(who) <= w {
			// one line where it fits: with 12 municipalities the spread stays on screen
			lines = append(lines, st.Text.Render(head)+st.Muted.Render(": "+who))
			continue
		}
		lines = append(lines, st.Text.Render(truncate(head, w)), para(st.Muted, "   "+who, w))
	}
	for _, part := range []struct {
		ids  []string
		what string
	}{{sp.Missing, "ohne Antwort"}, {sp.NotApplicable, "Frage entfällt"}, {sp.Absent, "abwesend"}} {
		if len(part.ids) == 0 {
			continue
		}
		names := make([]string, len(part.ids))
		for i, id := range part.ids {
			names[i] = t.participantName(id)
		}
		lines = append(lines, st.Muted.Render(truncate(fmt.Sprintf("%d× %s: %s", len(part.ids), part.what, strings.Join(names, ", ")), w)))
	}
	if sp.Total == 0 {
		lines = append(lines, st.Faint.Render(truncate("Noch keine Kommunen – mit a hinzufügen.", w)))
	}
	return lines
}

func (t *workshopTab) keyPane(k string, w int) []string {
	st := t.d.styles
	var kc model.KeyConsensus
	for _, c := range t.cons.Keys {
		if c.Question.Key == k {
			kc = c
		}
	}
	q := kc.Question
	level := levelStyle(st, kc.Level).Render(agreementMark(kc.Level) + " " + levelText(kc.Spread))
	if t.hidden(k) {
		level = st.Faint.Render(markOpen + " verdeckt")
	}
	lines := []string{st.Title.Render(truncate(q.Label, w)) + "  " + level, para(st.Muted, q.Help, w), ""}
	lines = append(lines, t.stateLines(k, w)...)
	if t.hidden(k) {
		return append(lines, t.hiddenLines(k, q.AnswerText, w)...)
	}
	if kc.Level == model.Profil {
		lines = append(lines, para(st.Faint, "Eine Angabe über die eigene Kommune – keine Abstimmung. Je Kommune:", w))
	}
	if kc.Level == model.Ausstehend && kc.Answered > 0 {
		lines = append(lines, st.Faint.Render(truncate("bisher unter den Antwortenden: "+kc.Among.Label(), w)))
	}
	for _, ta := range kc.Tallies {
		lines = append(lines, st.Text.Render(truncate(fmt.Sprintf("%d von %d: %s", ta.Count, kc.Answered, ta.Option.Label), w)))
	}
	if len(kc.Tallies) > 0 {
		lines = append(lines, st.Faint.Render(truncate("Kombinationen:", w)))
	}
	lines = append(lines, t.spreadLines(kc.Spread, func(g model.Group) string { return q.AnswerText(g.Answer) }, w)...)
	lines = append(lines, t.commentLines(k, w)...)
	lines = append(lines, "")
	if kc.Agreed != nil {
		lines = append(lines, st.Good.Render(truncate("Gemeinsame Antwort: "+q.AnswerText(kc.Agreed), w)))
		if r := t.sess.Reason(k); r != "" {
			lines = append(lines, para(st.Text, "Begründung: "+model.SafeText(r), w))
		}
	} else {
		lines = append(lines, st.Warn.Render(truncate("Noch keine gemeinsame Antwort.", w)))
	}
	if g, ok := kc.Majority(); ok && t.as == "" && !t.d.participant && !wizard.SameAnswer(g.Answer, kc.Agreed) {
		lines = append(lines, st.Faint.Render(truncate("m: Mehrheit übernehmen ("+q.AnswerText(g.Answer)+")", w)))
	}
	switch {
	case t.as == "" && t.d.participant:
		lines = append(lines, st.Faint.Render(truncate("Bitte zuerst oben Ihre Kommune wählen.", w)))
	case t.as == "":
		lines = append(lines, st.Faint.Render(truncate("enter: gemeinsame Antwort festlegen", w)))
	default:
		lines = append(lines, st.Faint.Render(truncate("enter: beantworten als "+t.asName(), w)))
	}
	return lines
}

func (t *workshopTab) quickPane(id string, w int) []string {
	st := t.d.styles
	var qc model.QuickConsensus
	for _, c := range t.cons.Quick {
		if c.Item.ID == id {
			qc = c
		}
	}
	level := levelStyle(st, qc.Level).Render(agreementMark(qc.Level) + " " + levelText(qc.Spread))
	if t.hidden(id) {
		level = st.Faint.Render(markOpen + " verdeckt")
	}
	lines := []string{
		level,
		para(st.Title, qc.Item.Text, w), "",
	}
	lines = append(lines, t.stateLines(id, w)...)
	if t.hidden(id) {
		return append(lines, t.hiddenLines(id, nil, w)...)
	}
	lines = append(lines, t.spreadLines(qc.Spread, func(g model.Group) string { return model.QuickStatusLabel(g.Status) }, w)...)
	lines = append(lines, t.commentLines(id, w)...)
	lines = append(lines, "")
	if qc.Agreed != "" {
		lines = append(lines, st.Good.Render(truncate("Gemeinsamer Stand: "+model.QuickStatusLabel(qc.Agreed), w)))
	} else {
		lines = append(lines, st.Warn.Render(truncate("Noch kein gemeinsamer Stand.", w)))
	}
	lines = append(lines, st.Faint.Render(truncate("enter/leer: Status für "+t.asName()+" weiterschalten", w)))
	return lines
}

func levelStyle(st *Styles, a model.Agreement) lipgloss.Style {
	switch a {
	case model.Dissens:
		return st.Error
	case model.Teilweise:
		return st.Warn
	case model.Einigkeit:
		return st.Good
	}
	return st.Faint
}

// workshopTabName labels the Workshop tab, after the fixed tabs.
const workshopTabName = "Workshop"

// workshopFor returns the Workshop tab when the session is a workshop: in
// workshop mode (ikz serve, --present), or when it already has
// participants. Otherwise nil: a single Schulträger's session keeps the
// plain tab bar, even when it names partner municipalities.
func workshopFor(d tabDeps, sess *model.Session) tab {
	if !d.workshop && !d.participant && len(sess.Participants) == 0 {
		return nil
	}
	return newWorkshopTab(d, sess)
}

// tabNames labels the tab bar: the fixed tabs, and Workshop if present.
func (m *sessionModel) tabNames() []string {
	if m.d.participant {
		return []string{workshopTabName}
	}
	if len(m.tabs) > len(tabNames) {
		return append(append([]string(nil), tabNames...), workshopTabName)
	}
	return tabNames
}
