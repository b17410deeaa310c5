package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"ikz/model"
	"ikz/ui/wording"
)

func init() {
	Commands["score"] = Command{
		Run:     runScore,
		Usage:   "ikz score [--json] DATEI",
		Summary: "Empfehlung für ein Profil aus einer JSON-Datei berechnen",
	}
}

const scoreUsage = `Aufruf: ikz score [--json] DATEI

DATEI ist eine JSON-Datei mit {"profile": {...}} (auch ein Sitzungsexport).
  --json   Ergebnis als JSON statt als Tabelle
`

// runScore prints the recommendation for the profile in one file. Exit
// status: 0 ok, 1 the file cannot be read, 2 usage error or invalid input.
func runScore(env Env, args []string) int {
	asJSON, file, help, err := parseScoreArgs(args)
	if help {
		fmt.Fprint(env.Stdout, scoreUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "ikz score: %v\n%s", err, scoreUsage)
		return 2
	}
	data, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(env.Stderr, "ikz score: Datei nicht gefunden: %s\nBitte den Pfad prüfen.\n", file)
		return 2
	case err != nil:
		fmt.Fprintf(env.Stderr, "ikz score: %s kann nicht gelesen werden: %v\n", file, err)
		return 1
	}
	p, err := model.ParseProfileDocument(data)
	if err != nil {
		var se *model.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(env.Stderr, "ikz score: %s:%v\n", file, se)
		} else {
			fmt.Fprintf(env.Stderr, "ikz score: %s: %v\n", file, err)
		}
		fmt.Fprintln(env.Stderr, "Bitte die Datei korrigieren und den Befehl erneut aufrufen.")
		return 2
	}
	r := model.Score(p)
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(scoreJSON(r)); err != nil {
			fmt.Fprintf(env.Stderr, "ikz score: Ausgabe fehlgeschlagen: %v\n", err)
			return 1
		}
		return 0
	}
	writeScoreText(env.Stdout, file, r)
	return 0
}

// parseScoreArgs accepts flags before and after the file name; everything
// after "--" is a file name. --db is accepted and ignored (score reads no
// database), so "ikz score --db x DATEI" works like the global option.
func parseScoreArgs(args []string) (asJSON bool, file string, help bool, err error) {
	fset := flag.NewFlagSet("score", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.BoolVar(&asJSON, "json", false, "")
	fset.String("db", "", "")
	var files, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for rest := args; ; {
		if err := fset.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return false, "", true, nil
			}
			return false, "", false, germanFlagErr(err)
		}
		rest = fset.Args()
		if len(rest) == 0 {
			break
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	files = append(files, tail...)
	switch len(files) {
	case 0:
		return false, "", false, errors.New("keine Datei angegeben")
	case 1:
		return asJSON, files[0], false, nil
	}
	return false, "", false, fmt.Errorf("nur eine Datei erlaubt, angegeben: %s", strings.Join(files, ", "))
}

func germanFlagErr(err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Errorf("unbekannte Option %s", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Errorf("Option %s braucht einen Wert", name)
	}
	if strings.HasPrefix(msg, "invalid boolean value") {
		return errors.New("--json erwartet true oder false (oder keinen Wert)")
	}
	return err
}

// sortedReasons returns a model's contributions, largest effect first
// (rule order among equals).
func sortedReasons(m model.ModelScore) []model.Contribution {
	out := append([]model.Contribution(nil), m.Contributions...)
	sort.SliceStable(out, func(i, j int) bool { return absInt(out[i].Points) > absInt(out[j].Points) })
	return out
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func modelName(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok {
		return m.Name
	}
	return string(id)
}

// formalModels are the models with a legal form per Land, in catalogue order.
var formalModels = []model.ModelID{model.VereinbarungMandatierend, model.VereinbarungDelegierend, model.Zweckverband, model.AoeR}

// ---- text output ----

const (
	textWidth = 96
	barCells  = 20
	nameWidth = 50
)

// shownReasons is how many reasons each model after the first shows; the
// first model shows all of them.
const shownReasons = 3

func writeScoreText(w io.Writer, file string, r model.Result) {
	res := wording.NewResult(r)
	fmt.Fprintln(w, "IKZ-Lotse – "+wording.Recommendation)
	land := "nicht angegeben"
	if res.Legal != nil {
		land = res.Legal.Land
	}
	fmt.Fprintf(w, "Profil: %s · Bundesland: %s\n", file, land)
	if res.CityState != "" {
		fmt.Fprintln(w)
		writeWrapped(w, "Hinweis Stadtstaat: "+res.CityState, "", "  ")
	}
	fmt.Fprintln(w)
	writeWrapped(w, res.Headline, "", "  ")

	fmt.Fprintln(w)
	fmt.Fprintf(w, "Rang  %-*s %s\n", nameWidth, "Modell", wording.ScaleShort)
	for i, d := range res.Details {
		name := padRunes(d.Name, nameWidth)
		if d.Excluded {
			fmt.Fprintf(w, "  –   %s %s\n", name, wording.Excluded)
			writeWrapped(w, d.Exclusion+" ("+wording.Source(d.ExclusionSource)+")", "        ", "        ")
			continue
		}
		marker := ""
		if d.Marker != "" {
			marker = " ⚠ " + d.Marker // the legal caveat shows on the row itself
		}
		fmt.Fprintf(w, "%3d.  %s %s %3d%s\n", d.Place, name, scoreBar(d.Score), d.Score, marker)
		reasons := append(append([]wording.Reason(nil), d.Pros...), d.Cons...)
		sort.SliceStable(reasons, func(i, j int) bool { return absInt(reasons[i].Points) > absInt(reasons[j].Points) })
		if i > 0 {
			reasons = reasons[:min(len(reasons), shownReasons)]
		}
		for _, c := range reasons {
			writeWrapped(w, c.Line(), "        ", "            ")
		}
	}
	writeWrapped(w, wording.ScaleNote, "", "")

	if res.Flip != "" {
		fmt.Fprintln(w)
		writeWrapped(w, wording.FlipPoint+": "+res.Flip, "", "  ")
	}

	fmt.Fprintln(w)
	writeLegalBasis(w, res)

	var warnings []string
	for _, d := range res.Details {
		for _, f := range d.Warnings {
			warnings = append(warnings, d.Name+": "+f.Line())
		}
	}
	if len(warnings) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Bitte prüfen:")
		for _, f := range warnings {
			writeWrapped(w, "- "+f, "  ", "    ")
		}
	}

	if len(res.Contradictions) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, wording.ContradictionsTitle+":")
		for _, c := range res.Contradictions {
			writeWrapped(w, "- "+c.Line(), "  ", "    ")
		}
	}

	if res.OpenNote != "" {
		fmt.Fprintln(w)
		writeWrapped(w, res.OpenNote+" Offen: "+keyLabels(r.Unanswered)+".", "", "  ")
	}
	if len(r.Ignored) > 0 {
		writeWrapped(w, "Nicht gewertet (Frage entfällt nach einer anderen Antwort): "+keyLabels(r.Ignored)+".", "", "  ")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wording.Disclaimer)
}

// writeLegalBasis lists the legal basis of every model in the Land, in the
// words of the tab and the report.
func writeLegalBasis(w io.Writer, res wording.Result) {
	if res.Legal == nil {
		writeWrapped(w, "Rechtsgrundlage: "+wording.NoLandNote+" (Schlüssel „bundesland“ ergänzen)", "", "  ")
		return
	}
	l := res.Legal
	writeWrapped(w, l.Title+": "+l.Law.String(), "", "  ")
	writeWrapped(w, "- "+wording.ModelName(model.Informell)+": "+wording.InformalLaw, "  ", "    ")
	for _, id := range formalModels {
		if l.Form(id) == nil {
			continue
		}
		_, lines := res.ModelLegal(id)
		writeWrapped(w, "- "+wording.ModelName(id)+":", "  ", "    ")
		for _, line := range lines[1:] { // the law itself stands above
			writeWrapped(w, line.String(), "      ", "        ")
		}
	}
}

func keyLabels(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		q, _ := model.ProfileQuestionByKey(k)
		out[i] = fmt.Sprintf("%s (%s)", q.Label, k)
	}
	return strings.Join(out, ", ")
}

func scoreBar(score int) string {
	n := (score*barCells + 50) / 100
	return strings.Repeat("█", n) + strings.Repeat("░", barCells-n)
}

func padRunes(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// writeWrapped writes text word-wrapped to textWidth runes, the first line
// indented by first, the following ones by rest.
func writeWrapped(w io.Writer, text, first, rest string) {
	indent := first
	line := ""
	for _, word := range gluedWords(text) {
		if line != "" && utf8.RuneCountInString(indent+line+" "+word) > textWidth {
			fmt.Fprintln(w, indent+line)
			indent, line = rest, ""
		}
		if line == "" {
			line = word
		} else {
			line += " " + word
		}
	}
	if line != "" {
		fmt.Fprintln(w, indent+line)
	}
}

// recommendationLine names the leader, or says that there is none yet: the
// headline every output shows (package wording).
func recommendationLine(r model.Result) string { return wording.NewResult(r).Headline }

// ---- JSON output ----

type scoreResultJSON struct {
	// Leader is the model that leads on points; null when the leaders are
	// tied or every model is excluded (then Recommendation says so).
	Leader         *model.ModelID  `json:"leader"`
	Recommendation string          `json:"recommendation"`
	CityState      bool            `json:"city_state"`
	CityStateNote  string          `json:"city_state_note,omitempty"`
	Ranking        []modelJSON     `json:"ranking"`
	Sensitivity    sensitivityJSON `json:"sensitivity"`
	Unanswered     []string        `json:"unanswered"`
	Ignored        []string        `json:"ignored"`
	Land           *landJSON       `json:"land"`
	// Contradictions are answers that do not fit together, with what to check.
	Contradictions []contradictionJSON `json:"contradictions"`
	Disclaimer     string              `json:"disclaimer"`
}

type contradictionJSON struct {
	ID     string    `json:"id"`
	Keys   [2]string `json:"keys"`
	Text   string    `json:"text"`
	Check  string    `json:"check"`
	Source string    `json:"source"`
}

type modelJSON struct {
	Rank  int `json:"rank"`  // position in the list, 1…; 0 for excluded models
	Place int `json:"place"` // shared by equal points (1, 1, 3); 0 for excluded models
	// Marker is the warning shown on the row: "bitte prüfen", "ausgeschlossen" or "".
	Marker          string        `json:"marker"`
	Model           model.ModelID `json:"model"`
	Name            string        `json:"name"`
	Score           int           `json:"score"`
	Raw             int           `json:"raw"`
	Excluded        bool          `json:"excluded"`
	Exclusion       string        `json:"exclusion"`
	ExclusionSource string        `json:"exclusion_source,omitempty"`
	Reasons         []reasonJSON  `json:"reasons"`
	// Warnings are the legal caveats of this model in the chosen Land, each
	// with its kind (recht_ungeklaert, recht_abweichend). Flags holds the
	// same caveats as text and source only; it stays for existing readers.
	Warnings []warningJSON `json:"warnings"`
	Flags    []flagJSON    `json:"flags"`
}

type warningJSON struct {
	Kind   model.FlagKind `json:"kind"`
	Text   string         `json:"text"`
	Source string         `json:"source"`
}

type reasonJSON struct {
	Points int    `json:"points"`
	Reason string `json:"reason"`
	Source string `json:"source"`
	Key    string `json:"key"`
	Value  string `json:"value"`
	Rule   string `json:"rule"`
}

type flagJSON struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

type sensitivityJSON struct {
	Robust bool          `json:"robust"`
	Key    string        `json:"key,omitempty"`
	From   any           `json:"from"`
	To     any           `json:"to"`
	NewTop model.ModelID `json:"new_top,omitempty"`
	Text   string        `json:"text"`
}

type factJSON struct {
	Text       string `json:"text"`
	Confidence string `json:"confidence"` // C, P or U
	Check      bool   `json:"bitte_pruefen"`
}

type formJSON struct {
	Model      model.ModelID `json:"model"`
	Available  bool          `json:"available"`
	Name       string        `json:"name"`
	Paragraphs factJSON      `json:"paragraphs"`
	Approval   *factJSON     `json:"approval,omitempty"`
	Note       *factJSON     `json:"note,omitempty"`
}

type landJSON struct {
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Law      factJSON   `json:"law"`
	Abbrev   string     `json:"abbrev,omitempty"`
	Approval *factJSON  `json:"approval,omitempty"`
	Forms    []formJSON `json:"forms"`
}

func scoreJSON(r model.Result) scoreResultJSON {
	out := scoreResultJSON{
		Land:          landToJSON(r.Land),
		CityState:     r.CityState != "",
		CityStateNote: r.CityState,
		Ranking:       []modelJSON{},
		Unanswered:    append([]string{}, r.Unanswered...),
		Ignored:       append([]string{}, r.Ignored...),
		Disclaimer:    model.Disclaimer,
	}
	out.Recommendation = recommendationLine(r)
	out.Contradictions = []contradictionJSON{}
	for _, c := range r.Contradictions {
		out.Contradictions = append(out.Contradictions, contradictionJSON{ID: c.ID, Keys: c.Keys, Text: c.Text, Check: c.Check, Source: c.Source})
	}
	if top, ok := r.Leader(); ok {
		out.Leader = &top
	}
	places := model.Places(r.Ranking)
	for i, m := range r.Ranking {
		mj := modelJSON{Model: m.Model, Name: modelName(m.Model), Score: m.Score, Raw: m.Raw,
			Excluded: m.Excluded, Exclusion: m.Exclusion, ExclusionSource: m.ExclusionSrc,
			Marker: m.Marker(), Reasons: []reasonJSON{}, Warnings: []warningJSON{}, Flags: []flagJSON{}}
		if !m.Excluded {
			mj.Rank, mj.Place = i+1, places[i]
		}
		for _, c := range sortedReasons(m) {
			mj.Reasons = append(mj.Reasons, reasonJSON{Points: c.Points, Reason: c.Reason, Source: c.Source, Key: c.Key, Value: c.Value, Rule: c.RuleID})
		}
		for _, f := range m.Flags {
			mj.Warnings = append(mj.Warnings, warningJSON{Kind: f.Kind, Text: f.Text, Source: f.Source})
			mj.Flags = append(mj.Flags, flagJSON{Text: f.Text, Source: f.Source})
		}
		out.Ranking = append(out.Ranking, mj)
	}
	s := r.Sensitivity
	// the sentence of the text output and every other output (ui/wording)
	out.Sensitivity = sensitivityJSON{Robust: s.Robust, Key: s.Key, NewTop: s.NewTop, Text: wording.NewResult(r).Flip}
	if !s.Robust {
		out.Sensitivity.From, out.Sensitivity.To = answerJSON(s.Key, s.From), answerJSON(s.Key, s.To)
	}
	return out
}

// answerJSON gives an answer the JSON type of its question, as in the
// profile file (string, bool, number, list); nil for unanswered.
func answerJSON(key string, a model.Answer) any {
	if a == nil {
		return nil
	}
	q, _ := model.ProfileQuestionByKey(key)
	switch q.Kind {
	case model.Multi:
		return append([]string{}, a...)
	case model.Bool:
		return len(a) == 1 && a[0] == "true"
	case model.Number:
		if n, err := strconv.Atoi(a[0]); err == nil {
			return n
		}
	}
	return a[0]
}

func factToJSON(f model.Fact) *factJSON {
	if f.Text == "" {
		return nil
	}
	return &factJSON{Text: f.Text, Confidence: string(f.Confidence), Check: !f.Confidence.Certain()}
}

func landToJSON(l *model.LandLaw) *landJSON {
	if l == nil {
		return nil
	}
	out := &landJSON{Code: l.Code, Name: l.Name, Law: *factToJSON(l.Law), Abbrev: l.Abbrev,
		Approval: factToJSON(l.Approval), Forms: []formJSON{}}
	for _, id := range formalModels {
		f, ok := l.Forms[id]
		if !ok {
			continue
		}
		fj := formJSON{Model: id, Available: f.Available, Name: f.Name, Approval: factToJSON(f.Approval), Note: factToJSON(f.Note)}
		if p := factToJSON(f.Paragraphs); p != nil {
			fj.Paragraphs = *p
		}
		out.Forms = append(out.Forms, fj)
	}
	return out
}

// gluedWords splits text into words and keeps short words such as "§§", "H"
// or "Abs." with the word that follows, so a line never ends in "(H" or "§".
func gluedWords(text string) []string {
	var out []string
	glue := false
	for _, word := range strings.Fields(text) {
		if glue {
			out[len(out)-1] += " " + word
		} else {
			out = append(out, word)
		}
		glue = utf8.RuneCountInString(word) <= 2 || word == "Abs." || word == "Art." || word == "Nr." || word == "(Quelle:"
	}
	return out
}
