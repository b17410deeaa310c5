package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"ikz/model"
)

// view is the report content, already worded and formatted in German;
// strings hold raw user text, escaped by each renderer.
type view struct {
	Title          string
	Traeger        string
	Land           string
	Municipalities string
	Participants   string
	Created        string
	Updated        string
	Generated      string
	Catalogue      int

	// Recommendation
	Top        string // name of the leading model, "" when none
	CityState  string
	Bars       []bar
	Pros, Cons []reason
	Flags      []fact
	Excluded   []exclusion
	Unanswered []string
	Flip       string
	Decision   *decisionRow // the decision in force

	Legal     *legal
	Checklist checklist

	Workshop *workshopView // nil without participants

	Decisions    []decisionRow
	Phases       []phaseView
	Retired      []retiredRow
	Measures     []measureRow
	OverdueCount int
	Efficiency   *efficiencyView
	Reviews      []reviewRow
	History      []historyRow
	Comparison   *comparisonView
}

type bar struct {
	Name     string
	Score    int
	Excluded bool
	Top      bool
}

type reason struct {
	Points int
	Text   string
	Source string
}

// fact is a statement that may need checking ([P]/[U] in land_law.md).
type fact struct {
	Text   string
	Source string
	Check  bool
}

type exclusion struct {
	Name, Reason, Source string
}

type legal struct {
	Land     string
	Law      fact
	Approval fact
	Forms    []formRow
}

type formRow struct {
	Model      string
	Name       string // the Land's own name; "" when not available
	Available  bool
	Paragraphs fact
	Notes      []fact
}

type checklist struct {
	Model string
	Why   string // whose model: chosen by the group or recommended
	Items []fact
}

type decisionRow struct {
	Date     string
	Model    string
	Reason   string
	Computed string
	Status   string // "gilt" or "abgelöst am …"
	Current  bool
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

type efficiencyView struct {
	Invalid     string // German validation message; the numbers are still shown
	Years       string
	Rows        []costRow
	Total       costRow
	Savings     string
	Percent     string
	Term        string
	Staff       string // "3,5 → 2,0 VZÄ", "" when not given
	Hints       []string
	Context     string
	MeetsTarget bool
}

type costRow struct {
	Label, Now, With, Diff string
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

type comparisonView struct {
	From, To        string // "Review 2026 (01.03.2026)" → "heute (21.11.2026)"
	Unchanged       bool
	TopBefore       string
	TopAfter        string
	TopMoved        bool
	Ranking         []rankRow
	Profile         []changeRow
	Quick           []changeRow
	Done            []string
	Overdue         []string
	Added           []string
	DecisionBefore  string
	DecisionAfter   string
	DecisionChanged bool
	Evaluation      []evalRow
}

type rankRow struct {
	Name                    string
	BeforeScore, AfterScore int
	BeforeText, AfterText   string // the score, or "–" when excluded
	BeforeRank, AfterRank   int
	Move                    string // "▲ 2", "▼ 1", "="
	Changed                 bool
	Excluded                bool // excluded now
}

type changeRow struct {
	Label, From, To string
}

type evalRow struct {
	Question, Before, After string
}

const (
	germanDateTime = "02.01.2006, 15:04 Uhr"
	noEntry        = "–"
)

func germanDate(t time.Time) string {
	if t.IsZero() {
		return noEntry
	}
	return t.Format(model.GermanDateLayout)
}

func modelName(id model.ModelID) string {
	if id == "" {
		return noEntry
	}
	if m, ok := model.ModelByID(id); ok {
		return m.Name
	}
	return string(id)
}

func toFact(f model.Fact, source string) fact {
	return fact{Text: f.Text, Source: source, Check: !f.Confidence.Certain()}
}

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
		Catalogue:      s.CatalogueVersion,
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

	buildRecommendation(&v, s, d.Result)
	v.Workshop = workshopRows(s)
	v.Decisions = decisionRows(s)
	if len(v.Decisions) > 0 {
		v.Decision = &v.Decisions[0]
	}
	v.Phases = phaseViews(s)
	v.Retired = retiredRows(s)
	v.Measures, v.OverdueCount = measureRows(s, d.Generated)
	if s.Efficiency != nil {
		v.Efficiency = efficiencyRows(*s.Efficiency)
	}
	v.Reviews = reviewRows(s, d.Snapshots)
	v.History = historyRows(d.Snapshots)
	if d.LastComparison != nil {
		v.Comparison = comparisonRows(*d.LastComparison, d.ComparedWith, d.Generated)
	}
	return v
}

func buildRecommendation(v *view, s *model.Session, r model.Result) {
	top := r.Top()
	if top != "" {
		v.Top = modelName(top)
	}
	v.CityState = r.CityState
	for _, m := range r.Ranking {
		v.Bars = append(v.Bars, bar{Name: modelName(m.Model), Score: clamp(m.Score), Excluded: m.Excluded, Top: m.Model == top})
		if m.Excluded {
			v.Excluded = append(v.Excluded, exclusion{Name: modelName(m.Model), Reason: m.Exclusion, Source: m.ExclusionSrc})
		}
	}
	if ms, ok := r.ByModel(top); ok && top != "" {
		for _, c := range ms.Pros() {
			v.Pros = append(v.Pros, reason{Points: c.Points, Text: c.Reason, Source: c.Source})
		}
		for _, c := range ms.Cons() {
			v.Cons = append(v.Cons, reason{Points: c.Points, Text: c.Reason, Source: c.Source})
		}
		for _, f := range ms.Flags {
			v.Flags = append(v.Flags, fact{Text: f.Text, Source: f.Source, Check: true})
		}
	}
	for _, k := range r.Unanswered {
		label := k
		if q, ok := model.ProfileQuestionByKey(k); ok {
			label = q.Label
		}
		v.Unanswered = append(v.Unanswered, label)
	}
	switch {
	case r.Sensitivity.Text != "":
		v.Flip = r.Sensitivity.Text
	case r.Sensitivity.Robust:
		v.Flip = "Keine einzelne Antwort würde die Empfehlung ändern – sie ist robust."
	}
	if r.Land != nil {
		v.Legal = legalView(*r.Land, r.Ranking)
	}
	// the checklist belongs to the model the group chose, else the leader
	chosen, why := top, "das am besten passende Modell"
	if d, ok := s.CurrentDecision(); ok {
		chosen, why = d.Model, "das von der Gruppe gewählte Modell"
	}
	if m, ok := model.ModelByID(chosen); ok && len(m.Checklist) > 0 {
		v.Checklist.Model, v.Checklist.Why = m.Name, why
		for _, c := range m.Checklist {
			v.Checklist.Items = append(v.Checklist.Items, fact{Text: c.Text, Source: c.Source, Check: true})
		}
	}
}

func clamp(n int) int { return max(0, min(100, n)) }

func scoreText(score int, excluded bool) string {
	if excluded {
		return noEntry
	}
	return fmt.Sprint(clamp(score))
}

func legalView(l model.LandLaw, ranking []model.ModelScore) *legal {
	out := &legal{Land: l.Name, Law: toFact(l.Law, ""), Approval: toFact(l.Approval, "")}
	order := model.ModelIDs
	if len(ranking) > 0 {
		order = nil
		for _, m := range ranking {
			order = append(order, m.Model)
		}
	}
	for _, id := range order {
		f, ok := l.Forms[id]
		if !ok {
			continue
		}
		row := formRow{Model: modelName(id), Available: f.Available, Name: f.Name, Paragraphs: toFact(f.Paragraphs, "")}
		for _, n := range []model.Fact{f.Note, f.Approval} {
			if n.Text != "" {
				row.Notes = append(row.Notes, toFact(n, ""))
			}
		}
		out.Forms = append(out.Forms, row)
	}
	return out
}

func decisionRows(s *model.Session) []decisionRow {
	var out []decisionRow
	for _, e := range s.DecisionHistory() {
		row := decisionRow{Date: germanDate(e.At), Model: modelName(e.Model), Reason: e.Reason,
			Computed: modelName(e.Computed), Current: e.Current, Status: "gilt"}
		if !e.Current {
			row.Status = "abgelöst am " + germanDate(e.SupersededAt)
		}
		out = append(out, row)
	}
	return out
}

func phaseViews(s *model.Session) []phaseView {
	prog := model.Progress(s)
	var out []phaseView
	for i, ph := range model.Phases {
		pv := phaseView{Title: ph.Title, Source: ph.Source}
		if i < len(prog) {
			p := prog[i]
			pv.Progress = fmt.Sprintf("%d von %d Erfolgsfaktoren erledigt oder nicht relevant · %d von %d Leitfragen mit Notiz",
				p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal)
		}
		for _, it := range ph.QuickItems {
			e := s.QuickCheck[it.ID]
			st := e.Status
			if st == "" {
				st = model.StatusOffen
			}
			pv.Quick = append(pv.Quick, quickRow{Text: it.Text, Status: model.QuickStatusLabel(st), Note: e.Note,
				Source: it.Source, Done: st == model.StatusErledigt || st == model.StatusNichtRelev})
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
	kinds := map[string]string{model.RetiredProfile: "Profil", model.RetiredNote: "Notiz", model.RetiredQuick: "Quick Check"}
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
			row.Phase = ph.Short
		}
		if row.Overdue {
			n++
		}
		out = append(out, row)
	}
	return out, n
}

func efficiencyRows(e model.Efficiency) *efficiencyView {
	sh := e.Sheet()
	ev := &efficiencyView{Context: model.EfficiencyContext, Hints: sh.Hints, MeetsTarget: sh.MeetsFunding()}
	if err := e.Validate(); err != nil {
		ev.Invalid = err.Error()
	}
	ev.Years = fmt.Sprintf("%d %s", e.Years, map[bool]string{true: "Jahr", false: "Jahre"}[e.Years == 1])
	for _, r := range sh.Rows {
		label := r.Label
		if r.Note != "" {
			label += " (" + r.Note + ")"
		}
		ev.Rows = append(ev.Rows, costRow{Label: label, Now: model.FormatEuro(r.Now), With: model.FormatEuro(r.With),
			Diff: model.FormatEuro(r.With - r.Now)})
	}
	ev.Total = costRow{Label: "Summe pro Jahr", Now: model.FormatEuro(sh.TotalNow), With: model.FormatEuro(sh.TotalWith),
		Diff: model.FormatEuro(sh.TotalWith - sh.TotalNow)}
	ev.Savings = model.FormatEuro(sh.Savings)
	ev.Percent = noEntry
	if sh.HasPercent {
		ev.Percent = model.FormatPercent(sh.SavingsPercent)
	}
	ev.Term = model.FormatEuro(sh.SavingsTerm)
	if e.StaffNow != 0 || e.StaffWith != 0 {
		ev.Staff = model.FormatNumber(e.StaffNow, 1) + " → " + model.FormatNumber(e.StaffWith, 1) + " VZÄ"
	}
	return ev
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
			r := model.Score(sn.Session.Profile)
			if top := r.Top(); top != "" {
				ms, _ := r.ByModel(top)
				row.Top = fmt.Sprintf("%s (%d)", modelName(top), ms.Score)
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

func comparisonRows(c model.Comparison, base *Snapshot, generated time.Time) *comparisonView {
	cv := &comparisonView{
		From:      "Stand vom " + germanDate(c.BeforeAt),
		To:        "heute (" + germanDate(generated) + ")",
		Unchanged: !c.Changed(),
		TopBefore: modelName(c.TopBefore),
		TopAfter:  modelName(c.TopAfter),
		TopMoved:  c.TopBefore != c.TopAfter,
	}
	if base != nil {
		cv.From = fmt.Sprintf("%s (%s)", base.Label, germanDate(base.At))
		if base.Label == "" {
			cv.From = "Stand vom " + germanDate(base.At)
		}
	}
	for _, r := range c.Ranking {
		row := rankRow{Name: r.Name, BeforeScore: clamp(r.BeforeScore), AfterScore: clamp(r.AfterScore),
			BeforeText: scoreText(r.BeforeScore, r.BeforeExcluded), AfterText: scoreText(r.AfterScore, r.AfterExcluded),
			BeforeRank: r.BeforeRank, AfterRank: r.AfterRank, Changed: r.Changed(), Move: "=", Excluded: r.AfterExcluded}
		switch m := r.Moved(); {
		case m > 0:
			row.Move = fmt.Sprintf("▲ %d", m)
		case m < 0:
			row.Move = fmt.Sprintf("▼ %d", -m)
		}
		cv.Ranking = append(cv.Ranking, row)
	}
	for _, p := range c.Profile {
		cv.Profile = append(cv.Profile, changeRow{Label: p.Label, From: p.FromLabel, To: p.ToLabel})
	}
	for _, q := range c.Quick {
		cv.Quick = append(cv.Quick, changeRow{Label: q.Text, From: q.FromLabel, To: q.ToLabel})
	}
	titles := func(ms []model.Measure, due bool) []string {
		var out []string
		for _, m := range ms {
			t := m.Title
			if due {
				t += " (fällig " + model.GermanDate(m.Due) + ")"
			}
			out = append(out, t)
		}
		return out
	}
	cv.Done = titles(c.MeasuresDone, false)
	cv.Overdue = titles(c.MeasuresOverdue, true)
	cv.Added = titles(c.MeasuresAdded, true)
	decision := func(d *model.Decision) string {
		if d == nil {
			return "keine"
		}
		return modelName(d.Model) + " (" + germanDate(d.At) + ")"
	}
	cv.DecisionBefore, cv.DecisionAfter, cv.DecisionChanged = decision(c.DecisionBefore), decision(c.DecisionAfter), c.DecisionChanged()
	for _, e := range c.Evaluation {
		if e.Before == "" && e.After == "" {
			continue
		}
		cv.Evaluation = append(cv.Evaluation, evalRow{Question: e.Question, Before: e.Before, After: e.After})
	}
	return cv
}
