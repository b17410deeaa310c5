package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
	"ikz/wizard"
)

// accessibleList is how many recent sessions the accessible mode offers
// directly; older ones are found by searching.
const accessibleList = 20

// RunAccessible runs the whole quick check with plain prompts, line by line,
// for screen readers: choose or create a session, answer the profile, work
// on a phase, read the result as text. It uses the same form constructors as
// the full-screen program, in huh's accessible mode, without a tea.Program.
func RunAccessible(st *store.Store, in io.Reader, out io.Writer, now func() time.Time) error {
	lipgloss.SetColorProfile(termenv.Ascii) // no escape codes for the screen reader
	a := &accessible{st: st, in: &lineReader{r: in}, out: germanOut{out}, now: now}
	defer func() {
		if a.in.eof {
			a.say("Eingabe beendet.")
		}
	}()
	a.say("IKZ-Lotse – Entscheidungshilfe für die interkommunale Zusammenarbeit in der Schul-IT.")
	a.say("Bildschirmleser-Modus: Jede Frage steht in einer eigenen Zeile, jede Antwort wird sofort gespeichert.")
	a.say("")
	for {
		sess, err := a.chooseSession()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil || sess == nil {
			return err
		}
		quit, err := a.sessionMenu(sess)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil || quit {
			return err
		}
	}
}

type accessible struct {
	st  *store.Store
	in  *lineReader
	out io.Writer
	now func() time.Time

	// hist is the undo history of the open session (histID) in this run,
	// the same model.History the tabs keep.
	hist   model.History
	histID string

	eofLine bool // the line of the prompt that met the end of the input is ended
}

func (a *accessible) say(format string, args ...any) {
	fmt.Fprintf(a.out, format+"\n", args...)
}

// run runs one field in accessible mode. A text field that already has a
// value says so, and enter alone keeps it (see enterKeeps).
func (a *accessible) run(f huh.Field) error {
	f.Init()
	f.Focus()
	var in io.Reader = a.in
	if def, ok := typedDefault(f); ok {
		a.say("Bisher: %s – Enter übernimmt.", model.SafeLine(def))
		in = &enterKeeps{r: a.in, line: def + "\n"}
	} else if lines := multiLineDefault(f); len(lines) > 0 {
		// A blank line keeps it: huh falls back to the value (no
		// validator on a multi-line text).
		a.say("Bisher (%s) – Enter übernimmt:", wording.Plural(len(lines), "Zeile", "Zeilen"))
		for _, l := range lines {
			a.say("  %s", l)
		}
	}
	err := f.RunAccessible(a.out, in)
	if a.in.eof && !a.eofLine {
		// The input ended (ctrl+d): nothing echoed the end of the line
		// the prompt is on.
		a.say("")
		a.eofLine = true
	}
	return err
}

// ask reads hint out (if any), runs f and ends the line of the answer.
// huh's accessible fields show no description or placeholder, so hint
// says what the field wants.
func (a *accessible) ask(hint string, f huh.Field) error {
	if hint != "" {
		a.say("%s", hint)
	}
	err := a.run(f)
	a.say("")
	return err
}

// typedDefault is the value a text field starts with, if it has one that
// fits on a line.
func typedDefault(f huh.Field) (string, bool) {
	switch f.(type) {
	case *huh.Input, *huh.Text:
	default:
		return "", false
	}
	s, _ := f.GetValue().(string)
	return s, strings.TrimSpace(s) != "" && !strings.ContainsAny(s, "\r\n")
}

// multiLineDefault is the value of a text area that holds more than one
// line, line by line and safe for the terminal (nil otherwise).
func multiLineDefault(f huh.Field) []string {
	if _, ok := f.(*huh.Text); !ok {
		return nil
	}
	s, _ := f.GetValue().(string)
	if !strings.ContainsAny(s, "\r\n") {
		return nil
	}
	return noteLines(s)
}

// enterKeeps hands a field's value to huh's prompt when the user just
// presses enter. huh checks a blank line with the field's validator before
// it falls back to the value, so a required field (a date, a number) would
// reject the blank line instead of keeping what is there.
type enterKeeps struct {
	r    io.Reader
	line string // the value and a newline
	rest []byte // what is left of line to hand out
}

func (e *enterKeeps) Read(p []byte) (int, error) {
	if len(e.rest) == 0 {
		n, err := e.r.Read(p)
		if n == 0 || strings.TrimSpace(string(p[:n])) != "" {
			return n, err
		}
		e.rest = []byte(e.line)
	}
	n := copy(p, e.rest)
	e.rest = e.rest[n:]
	return n, nil
}

// choose asks for one of labels (values are their indexes).
func (a *accessible) choose(title string, labels []string) (int, error) {
	return a.chooseFrom(title, labels, 0)
}

// chooseFrom is choose with labels[def] taken on enter.
func (a *accessible) chooseFrom(title string, labels []string, def int) (int, error) {
	opts := make([]huh.Option[int], len(labels))
	for i, l := range labels {
		opts[i] = huh.NewOption(l, i)
	}
	choice := def
	err := a.run(huh.NewSelect[int]().Title(title).Options(opts...).Value(&choice))
	a.say("")
	if err == nil && a.in.eof {
		err = io.EOF // no answer came: stop instead of taking the default again and again
	}
	return choice, err
}

const (
	choiceNew    = "Neue Sitzung anlegen"
	choiceSearch = "Ältere Sitzung suchen"
	choiceQuit   = "Beenden"
)

// chooseSession lists the newest sessions and returns the chosen or a new
// one (nil: quit).
func (a *accessible) chooseSession() (*model.Session, error) {
	list, err := a.st.List()
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		a.say("Noch keine Sitzung gespeichert. Legen Sie jetzt eine an.")
		return a.create()
	}
	shown := list[:min(len(list), accessibleList)]
	labels := []string{choiceNew}
	for _, s := range shown {
		labels = append(labels, summaryLine(s))
	}
	if len(list) > len(shown) {
		labels = append(labels, choiceSearch)
	}
	labels = append(labels, choiceQuit)
	a.say("%s gespeichert.", wording.Plural(len(list), "Sitzung ist", "Sitzungen sind"))
	i, err := a.choose("Welche Sitzung?", labels)
	if err != nil {
		return nil, err
	}
	switch labels[i] {
	case choiceNew:
		return a.create()
	case choiceQuit:
		return nil, nil
	case choiceSearch:
		return a.search(list)
	}
	return a.st.Get(shown[i-1].ID)
}

// summaryLine describes a session in one line.
func summaryLine(s store.Summary) string {
	parts := []string{s.Title}
	if s.Traeger != "" {
		parts = append(parts, s.Traeger)
	}
	parts = append(parts, landName(s.Land), "zuletzt geändert "+germanDate(s.Updated))
	return strings.Join(parts, ", ")
}

func (a *accessible) search(list []store.Summary) (*model.Session, error) {
	for {
		var q string
		if err := a.run(huh.NewInput().Title("Suchbegriff (Titel oder Schulträger):").Value(&q)); err != nil {
			return nil, err
		}
		q = strings.ToLower(strings.TrimSpace(q))
		var hits []store.Summary
		for _, s := range list {
			if strings.Contains(strings.ToLower(s.Title+" "+s.Traeger), q) {
				hits = append(hits, s)
			}
		}
		if len(hits) == 0 {
			a.say("Keine Sitzung passt. Bitte einen anderen Begriff eingeben.")
			continue
		}
		hits = hits[:min(len(hits), accessibleList)]
		labels := make([]string, len(hits))
		for i, s := range hits {
			labels[i] = summaryLine(s)
		}
		i, err := a.choose(wording.Plural(len(hits), "Treffer", "Treffer")+". Welche Sitzung?", labels)
		if err != nil {
			return nil, err
		}
		return a.st.Get(hits[i].ID)
	}
}

// create asks the new-session questions one by one and stores the
// session. Like the new-session form it keeps what is typed as the draft
// (newsession.go) after every answer and creates the session in one
// transaction with removing the draft.
func (a *accessible) create() (*model.Session, error) {
	d := &wizard.NewSession{}
	var stored newSessionDraft
	if a.loadDraft(newSessionDraftKey, &stored) {
		what := "eine neue Sitzung"
		if t := strings.TrimSpace(stored.Form.Title); t != "" {
			what += " „" + model.SafeLine(t) + "“"
		}
		if resume, _, err := a.resumeDraft(what, newSessionDraftKey, false); err != nil {
			return nil, err
		} else if resume {
			*d = stored.Form
		}
	}
	a.say("Neue Sitzung: Titel, Schulträger, Bundesland, Art des Schulträgers und beteiligte Kommunen.")
	for _, f := range wizard.NewSessionFields(d) {
		hint := wizard.NewSessionHint(f.GetKey())
		switch f.GetKey() { // a typed value is read out by run
		case wizard.FieldLand:
			hint += "\n" + choiceBefore("bundesland", d.Land)
		case wizard.FieldKind:
			hint += "\n" + choiceBefore("traeger", d.Kind)
		}
		if err := a.ask(hint, f); err != nil {
			return nil, err
		}
		if f.GetKey() == wizard.FieldLand {
			if note := wizard.LandNote(d.Land); strings.HasPrefix(note, "Hinweis") {
				a.say("%s", note)
				a.say("")
			}
		}
		if blankDraft(*d) {
			a.dropDraft(newSessionDraftKey)
		} else {
			a.keepDraft(newSessionDraftKey, newSessionDraft{Form: *d, Changed: a.now()})
		}
		if a.in.eof {
			if !blankDraft(*d) {
				a.say("Noch keine Sitzung angelegt. Was Sie eingegeben haben, bleibt als Entwurf und kommt beim nächsten Anlegen wieder.")
			}
			return nil, io.EOF
		}
	}
	if wizard.ValidateTitle(d.Title) != nil {
		return nil, errors.New("keine Sitzung angelegt: Der Titel fehlt")
	}
	s := &model.Session{}
	d.Apply(s)
	if err := a.st.CreateFromDraft(s, newSessionDraftKey); err != nil {
		return nil, err
	}
	a.say("Sitzung „%s“ angelegt und gespeichert.", model.SafeLine(s.Title))
	a.say("")
	return s, nil
}

// choiceBefore reads out the current answer of a choice of the
// new-session form.
func choiceBefore(key, value string) string {
	q, _ := model.ProfileQuestionByKey(key)
	if value == wizard.NoAnswer {
		return "Bisher: keine Angabe – Enter übernimmt."
	}
	return "Bisher: " + model.SafeLine(q.AnswerText(model.Answer{value})) + " – Enter übernimmt."
}

// menuEntry is one entry of a menu; do works on the session and returns
// it as stored afterwards (nil do: leave the menu).
type menuEntry struct {
	label string
	do    func(*model.Session) (*model.Session, error)
}

// errQuit leaves the session menu and the program.
var errQuit = errors.New("beenden")

// menu offers entries until the user picks one without an action (back)
// or an action fails. entries is asked before every round, with the
// session as stored; it may read things out first.
func (a *accessible) menu(sess *model.Session, title string, entries func(*model.Session) ([]menuEntry, error)) (*model.Session, error) {
	for {
		es, err := entries(sess)
		if err != nil {
			return sess, err
		}
		labels := make([]string, len(es))
		for i, e := range es {
			labels[i] = e.label
		}
		i, err := a.choose(title, labels)
		if err != nil {
			return sess, err
		}
		if es[i].do == nil {
			return sess, nil
		}
		if sess, err = es[i].do(sess); err != nil {
			return sess, err
		}
	}
}

// sessionMenu offers the parts of a session until the user goes back to the
// session choice (false) or quits (true).
func (a *accessible) sessionMenu(sess *model.Session) (quit bool, err error) {
	_, err = a.menu(sess, "Was möchten Sie tun?", a.sessionEntries)
	if errors.Is(err, errQuit) {
		return true, nil
	}
	return false, err
}

// sessionEntries are the parts of a session, with their state.
func (a *accessible) sessionEntries(sess *model.Session) ([]menuEntry, error) {
	a.say("Sitzung „%s“.", sess.Title)
	entries := []menuEntry{{"Profil beantworten", a.profile}}
	prog := model.Progress(sess)
	for i, ph := range model.Phases {
		p := prog[i]
		entries = append(entries, menuEntry{
			fmt.Sprintf("%s: Leitfragen und Quick-Check (%d von %d Quick-Check-Punkten erledigt, %d von %d Fragen notiert)",
				ph.Title, p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal),
			func(s *model.Session) (*model.Session, error) { return a.phase(s, ph) }})
	}
	return append(entries,
		menuEntry{"Empfehlung anzeigen", a.result},
		menuEntry{measuresLabel(sess.Measures, a.now()), a.measures},
		menuEntry{efficiencyLabel(sess.Efficiency), a.efficiency},
		menuEntry{costsLabel(sess.Costs), a.costs},
		menuEntry{reviewLabel(sess.Reviews), a.review},
		menuEntry{decisionLabel(sess), a.decide},
		menuEntry{"Bericht schreiben (Markdown oder HTML)", a.report},
		menuEntry{a.undoLabel(sess), a.undoMenu},
		menuEntry{"Andere Sitzung wählen", nil},
		menuEntry{choiceQuit, func(s *model.Session) (*model.Session, error) { return s, errQuit }}), nil
}

// result reads the recommendation out.
func (a *accessible) result(sess *model.Session) (*model.Session, error) {
	r := model.Score(sess.Profile)
	a.say("%s", ResultText(sess, r))
	if d := wording.NewDecision(sess, wording.NewResult(r)); d.Has {
		a.say("%s", d.Line())
		if d.Differs {
			a.say("%s", d.DiffersNote)
		}
	}
	return sess, nil
}

// profile asks every visible profile question, one at a time; each answer
// is saved at once. Visibility is checked again after every answer.
func (a *accessible) profile(sess *model.Session) (*model.Session, error) {
	a.say("Profil: %d Fragen. Enter übernimmt die bisherige Antwort.", len(model.ProfileQuestions))
	for _, q := range model.ProfileQuestions {
		if !sess.Profile.Visible(q) {
			continue
		}
		a.say("%s", q.Help)
		switch cur, ok := sess.Profile[q.Key]; {
		case q.Kind == model.Number && ok: // the text field says it itself (run)
		case ok:
			a.say("Bisher: %s – Enter übernimmt.", q.AnswerText(cur))
		default:
			a.say("Bisher: keine Angabe.")
		}
		d := wizard.NewProfileDraft(q, sess.Profile[q.Key])
		if err := a.run(wizard.ProfileField(q, d, 0)); err != nil {
			return sess, err
		}
		ans, answered, err := d.Answer(q)
		if err != nil {
			a.say("Nicht gespeichert: %v", err)
			continue
		}
		if wizard.SameAnswer(ans, sess.Profile[q.Key]) {
			a.say("")
			continue
		}
		if !answered {
			ans = nil
		}
		var saved bool
		if sess, saved, err = a.apply(sess, model.SetAnswerChange(sess, q.Key, ans)); err != nil {
			return nil, err
		}
		if saved {
			a.say("gespeichert.")
		}
		a.say("")
	}
	return sess, nil
}

// ResultText renders the recommendation as plain text for reading aloud:
// the headline, the ranking, the reasons for and against the first model,
// its caveats, what is open, the flip point and its legal basis. The words
// are the shared parts of package wording, for session s as the tab and
// the report word it (a workshop's answers read as the room was asked).
func ResultText(s *model.Session, r model.Result) string {
	w := wording.NewSessionResult(s, r)
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(wording.Recommendation)
	if w.CityState != "" {
		line("Hinweis Stadtstaat: " + w.CityState)
	}
	line(w.Headline)
	line("Rangfolge:")
	for _, row := range w.Rows {
		line(row.RankLine())
	}
	line(wording.ScaleNote)
	if len(w.Details) > 0 && !w.Details[0].Excluded {
		d := w.Details[0]
		line("")
		line("Dafür (" + d.Name + "):")
		if len(d.Pros) == 0 {
			line(wording.NoPros)
		}
		for _, c := range d.Pros {
			line(c.Line())
		}
		line("Dagegen (" + d.Name + "):")
		if len(d.Cons) == 0 {
			line(wording.NoCons)
		}
		for _, c := range d.Cons {
			line(c.Line())
		}
		for _, f := range d.Warnings {
			line("Bitte prüfen: " + f.Line())
		}
		title, lines := w.ModelLegal(d.Model)
		line("")
		line(title + ":")
		for _, l := range lines {
			line(l.String())
		}
	}
	for _, c := range w.Contradictions {
		line(wording.ContradictionsTitle + ": " + c.Line())
	}
	if w.OpenNote != "" {
		line("")
		line(w.OpenNote + " " + strings.Join(w.Unanswered, ", ") + ".")
	}
	if w.Flip != "" {
		line("")
		line(wording.FlipPoint + ": " + w.Flip)
	}
	line("")
	line(wording.Disclaimer)
	return b.String()
}

// lineReader hands out at most one line per Read. huh's accessible prompts
// start a new scanner for every question; reading ahead would swallow the
// next answers when the input is a pipe.
//
// At the end of the input it adds a blank line of its own (and ends an
// unfinished last line): when the input stops after an invalid answer,
// huh's prompt returns that answer unchecked – a menu number out of range
// panics in huh v1.0.0 – while a blank line makes it take the default.
type lineReader struct {
	r    io.Reader
	eof  bool   // the input has ended
	tail []byte // newlines still to hand out after the end, one per Read
}

func (l *lineReader) Read(p []byte) (int, error) {
	if l.eof {
		return l.readTail(p)
	}
	n := 0
	for n < len(p) {
		m, err := l.r.Read(p[n : n+1])
		n += m
		if errors.Is(err, io.EOF) {
			l.eof = true
			l.tail = []byte("\n") // the blank line
			if n > 0 && p[n-1] != '\n' {
				l.tail = []byte("\n\n") // end the unfinished line first
			}
			if n > 0 {
				return n, nil
			}
			return l.readTail(p)
		}
		if err != nil {
			return n, err
		}
		if m == 1 && p[n-1] == '\n' {
			break
		}
	}
	return n, nil
}

func (l *lineReader) readTail(p []byte) (int, error) {
	if len(l.tail) == 0 || len(p) == 0 {
		return 0, io.EOF
	}
	p[0] = l.tail[0]
	l.tail = l.tail[1:]
	return 1, nil
}
