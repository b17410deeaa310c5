package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"ikz/model"
	"ikz/ui/wording"
)

// view is the report content: the worded parts of package wording (shared
// with the tab, the accessible mode and `ikz score`) plus what only the
// report shows. Strings hold raw user text, escaped by each renderer.
type view struct {
	Title          string
	Traeger        string
	Land           string
	Municipalities string
	Participants   string
	Created        string
	Updated        string
	Generated      string

	Result    wording.Result
	Decision  wording.Decision
	Paper     paper
	Profile   []wording.ProfileAnswer
	Chosen    *wording.ModelDetail // the model the checklist is about
	ChosenWhy string

	Workshop *wording.Workshop // nil without participants

	Phases       []phaseView
	Retired      []retiredRow
	Measures     []measureRow
	OverdueCount int
	Efficiency   *wording.Efficiency
	Costs        *costsSection // Kostenverteilung, see costs.go
	Reviews      []reviewRow
	History      []historyRow
	Comparison   *wording.Comparison
}

type phaseView struct {
	Title    string
	Source   string
	Progress string
	Quick    []quickRow
	Groups   []groupView
}

type quickRow struct {
	Text, Status, Note, Source string
	Done                       bool
}

type groupView struct {
	Title, Source string
	Questions     []noteRow
}

type noteRow struct {
	Text, Note, Source string
}

type retiredRow struct {
	ID, Kind, Value, Reason string
}

type measureRow struct {
	Title, Responsible, Indicator, Due, Status, Phase string
	Overdue                                           bool
}

type reviewRow struct {
	Date         string
	Participants string
	Snapshot     string
	Answers      []qa
}

type qa struct {
	Question, Answer string
}

type historyRow struct {
	Date, Label, Top, Progress string
}

const (
	germanDateTime = "02.01.2006, 15:04 Uhr"
	noEntry        = wording.NoEntry
)

// reportDisclaimer is said once, under the title; the footer names the
// sources only.
const reportDisclaimer = wording.Disclaimer + " Rechtliche Angaben mit „" + wording.CheckNote + "“ sind nicht sicher belegt."

func germanDate(t time.Time) string { return wording.Date(t) }

func buildView(d Data) view {
	s := d.Session
	if s == nil {
		s = &model.Session{}
	}
	v := view{
		Title:          s.Title,
		Traeger:        s.Traeger,
		Land:           noEntry,
		Municipalities: strings.Join(s.Municipalities, ", "),
		Created:        germanDate(s.Created),
		Updated:        germanDate(s.Updated),
		Generated:      d.Generated.Format(germanDateTime),
	}
	if v.Title == "" {
		v.Title = "(ohne Titel)"
	}
	if q, ok := model.ProfileQuestionByKey("bundesland"); ok {
		if code := s.Land(); code != "" {
			v.Land = q.OptionLabel(code)
		}
	}
	var names []string
	for _, p := range s.Participants {
		names = append(names, p.Name)
	}
	v.Participants = strings.Join(names, ", ")

	v.Result = wording.NewSessionResult(s, d.Result)
	v.Decision = wording.NewDecision(s, v.Result)
	v.Profile = wording.NewSessionProfile(s)
	chosen, why := v.Decision.Chosen(v.Result)
	if det, ok := v.Result.Detail(chosen); ok {
		v.Chosen, v.ChosenWhy = &det, why
	}
	v.Workshop = wording.NewWorkshop(s)
	v.Phases = phaseViews(s)
	v.Retired = retiredRows(s)
	v.Measures, v.OverdueCount = measureRows(s, d.Generated)
	if s.Efficiency != nil {
		e := wording.NewEfficiency(*s.Efficiency)
		v.Efficiency = &e
	}
	v.Costs = costsSectionFor(s)
	v.Reviews = reviewRows(s, d.Snapshots)
	v.History = historyRows(d.Snapshots)
	if d.LastComparison != nil {
		c := wording.NewComparison(*d.LastComparison, comparedWith(*d.LastComparison, d.ComparedWith), d.Generated)
		v.Comparison = &c
	}
	v.Paper = buildPaper(v, s, d.Generated)
	return v
}

func comparedWith(c model.Comparison, base *Snapshot) string {
	if base == nil || base.Label == "" {
		at := c.BeforeAt
		if base != nil {
			at = base.At
		}
		return "Stand vom " + germanDate(at)
	}
	return fmt.Sprintf("%s (%s)", base.Label, germanDate(base.At))
}

func phaseViews(s *model.Session) []phaseView {
	prog := model.Progress(s)
	var out []phaseView
	for i, ph := range model.Phases {
		pv := phaseView{Title: ph.Title, Source: ph.Source}
		if i < len(prog) {
			p := prog[i]
			pv.Progress = fmt.Sprintf("%d von %d %s erledigt oder nicht relevant · %d von %d Leitfragen mit Notiz",
				p.QuickDone, p.QuickTotal, wording.QuickCheck+"-Punkten", p.NotesDone, p.NotesTotal)
		}
		for _, it := range ph.QuickItems {
			e := s.QuickCheck[it.ID]
			st := e.Status
			if st == "" {
				st = model.StatusOffen
			}
			pv.Quick = append(pv.Quick, quickRow{Text: it.Text, Status: model.QuickStatusLabel(st), Note: e.Note,
				Source: it.Source, Done: st == model.StatusErledigt})
		}
		for _, g := range ph.Groups {
			gv := groupView{Title: g.Title, Source: g.Source}
			for _, q := range g.Questions {
				gv.Questions = append(gv.Questions, noteRow{Text: q.Text, Note: strings.TrimSpace(s.Notes[q.ID]), Source: q.Source})
			}
			pv.Groups = append(pv.Groups, gv)
		}
		out = append(out, pv)
	}
	return out
}

func retiredRows(s *model.Session) []retiredRow {
	ids := make([]string, 0, len(s.Retired))
	for id := range s.Retired {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	kinds := map[string]string{model.RetiredProfile: "Profil", model.RetiredNote: "Notiz", model.RetiredQuick: wording.QuickCheck}
	var out []retiredRow
	for _, id := range ids {
		r := s.Retired[id]
		val := r.Value
		if r.Note != "" {
			val += " – " + r.Note
		}
		kind := kinds[r.Kind]
		if kind == "" {
			kind = r.Kind
		}
		if r.Participant != "" {
			kind += " (" + r.Participant + ")"
		}
		out = append(out, retiredRow{ID: id, Kind: kind, Value: val, Reason: r.Reason})
	}
	return out
}

func measureRows(s *model.Session, now time.Time) ([]measureRow, int) {
	var out []measureRow
	n := 0
	for _, m := range s.Measures {
		row := measureRow{Title: m.Title, Responsible: m.Responsible, Indicator: m.Indicator,
			Due: model.GermanDate(m.Due), Status: model.MeasureStatusLabel(m.Status), Overdue: m.Overdue(now)}
		if ph, ok := model.PhaseByID(m.Phase); ok {
			row.Phase = ph.Title
		}
		if row.Overdue {
			n++
		}
		out = append(out, row)
	}
	return out, n
}

func reviewRows(s *model.Session, snaps []Snapshot) []reviewRow {
	labels := map[string]string{}
	for _, sn := range snaps {
		labels[sn.ID] = sn.Label
	}
	rs := append([]model.Review(nil), s.Reviews...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].At.After(rs[j].At) }) // newest first
	var out []reviewRow
	for _, r := range rs {
		row := reviewRow{Date: germanDate(r.At), Participants: strings.Join(r.Participants, ", "), Snapshot: labels[r.SnapshotID]}
		for _, q := range model.EvaluationQuestions {
			row.Answers = append(row.Answers, qa{Question: q.Text, Answer: strings.TrimSpace(r.Answers[q.ID])})
		}
		out = append(out, row)
	}
	return out
}

func historyRows(snaps []Snapshot) []historyRow {
	var out []historyRow
	for i := len(snaps) - 1; i >= 0; i-- { // newest first
		sn := snaps[i]
		row := historyRow{Date: germanDate(sn.At), Label: sn.Label, Top: noEntry, Progress: noEntry}
		if sn.Session != nil {
			r := wording.NewResult(model.Score(sn.Session.Profile))
			if r.Top != "" {
				row.Top = fmt.Sprintf("%s (%d Punkte)", wording.ModelName(r.Top), r.Rows[0].Score)
			} else if r.Tied {
				row.Top = "keine (gleichauf)"
			}
			done, total := 0, 0
			for _, p := range model.Progress(sn.Session) {
				done += p.QuickDone
				total += p.QuickTotal
			}
			row.Progress = fmt.Sprintf("%d/%d", done, total)
		}
		out = append(out, row)
	}
	return out
}
