package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/ui/wording/wordingtest"
)

// runScoreCmd runs the registered score command with buffers.
func runScoreCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd, ok := Commands["score"]
	if !ok {
		t.Fatal("score is not registered in cli.Commands")
	}
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, DBPath: filepath.Join(t.TempDir(), "unused.db"), Now: time.Now}
	code = cmd.Run(env, args)
	return code, out.String(), errOut.String()
}

func writeScoreFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "profil.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const scoreExampleDir = "../../testdata"

func TestScoreRegistered(t *testing.T) {
	c := Commands["score"]
	if c.Usage != "ikz score [--json] DATEI" || c.Summary == "" {
		t.Errorf("score command = %+v", c)
	}
}

func TestScoreExamplesParse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(scoreExampleDir, "profile-*.json"))
	if len(files) < 2 {
		t.Fatalf("want at least two example profiles, found %v", files)
	}
	for _, f := range files {
		if code, _, stderr := runScoreCmd(t, f); code != 0 {
			t.Errorf("%s: exit %d: %s", f, code, stderr)
		}
	}
}

func TestScoreText(t *testing.T) {
	file := filepath.Join(scoreExampleDir, "profile-landkreis.json")
	code, out, stderr := runScoreCmd(t, file)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(file)
	p, err := model.ParseProfileDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	r := model.Score(p)
	top, _ := model.ModelByID(r.Top())
	land := r.Land

	wantInOrder := []string{
		"IKZ-Lotse – Empfehlung",
		"Rang",
		"  1.  " + top.Name,
		"Kipppunkt: ",
		"Rechtsgrundlage in " + land.Name,
		land.Forms[model.VereinbarungDelegierend].Name, // the Land's own name of the form
		"[" + model.CheckText + "]",
		model.Disclaimer,
	}
	at := 0
	for _, w := range wantInOrder {
		i := strings.Index(out[at:], w)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", w, at, out)
		}
		at += i + len(w)
	}
	if !strings.Contains(out, "█") || !strings.Contains(out, "░") {
		t.Error("no score bar")
	}
	// The top model's strongest reason is shown with its points and source.
	best := r.Ranking[0].Pros()[0]
	if !strings.Contains(out, "+4 Die Zuständigkeit") || !strings.Contains(out, "(Quelle: "+best.Source+")") {
		t.Errorf("top reason missing:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("output contains ANSI escape sequences")
	}
	if lines := strings.Split(strings.TrimRight(out, "\n"), "\n"); lines[len(lines)-1] != model.Disclaimer {
		t.Errorf("last line %q, want the disclaimer once at the end", lines[len(lines)-1])
	}
	if strings.Count(out, model.Disclaimer) != 1 {
		t.Error("disclaimer must appear exactly once")
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > textWidth {
			t.Errorf("line of %d runes: %q", n, line)
		}
	}
}

func TestScoreTextExclusionAndUnanswered(t *testing.T) {
	code, out, _ := runScoreCmd(t, filepath.Join(scoreExampleDir, "profile-saarland-export.json"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	out = strings.Join(strings.Fields(out), " ") // wrapped lines read as one text
	for _, w := range []string{"ausgeschlossen", "saarländische KGG", "Landesrecht: KGG",
		"noch unbeantwortet und zählen bei keinem Modell mit", "Ressourcen für den Aufbau (ressourcen)"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	// Excluded models come after all ranked ones.
	if strings.Index(out, "ausgeschlossen") < strings.LastIndex(out, " 4. ") {
		t.Errorf("exclusion listed before the last ranked model:\n%s", out)
	}
}

func TestScoreCityStateNoteFirst(t *testing.T) {
	for _, code := range []string{"BE", "HH", "HB"} {
		path := writeScoreFile(t, `{"profile": {"bundesland": "`+code+`", "umfang": "gesamtbetrieb"}}`)
		exit, out, _ := runScoreCmd(t, path)
		if exit != 0 {
			t.Fatalf("%s: exit %d", code, exit)
		}
		note, table := strings.Index(out, "Hinweis Stadtstaat:"), strings.Index(out, "Rang")
		if note < 0 || note > table {
			t.Errorf("%s: city-state note must come before the ranking:\n%s", code, out)
		}
		_, js, _ := runScoreCmd(t, "--json", path)
		var got struct {
			CityState     bool   `json:"city_state"`
			CityStateNote string `json:"city_state_note"`
		}
		if err := json.Unmarshal([]byte(js), &got); err != nil || !got.CityState || got.CityStateNote == "" {
			t.Errorf("%s: JSON city_state %+v (%v)", code, got, err)
		}
	}
}

// scoreOutput mirrors the documented JSON shape.
type scoreOutput struct {
	Ranking []struct {
		Rank      int           `json:"rank"`
		Model     model.ModelID `json:"model"`
		Name      string        `json:"name"`
		Score     int           `json:"score"`
		Excluded  bool          `json:"excluded"`
		Exclusion string        `json:"exclusion"`
		Reasons   []struct {
			Points int    `json:"points"`
			Reason string `json:"reason"`
			Source string `json:"source"`
			Key    string `json:"key"`
			Value  string `json:"value"`
		} `json:"reasons"`
		Flags []struct {
			Text string `json:"text"`
		} `json:"flags"`
	} `json:"ranking"`
	Unanswered  []string `json:"unanswered"`
	Sensitivity struct {
		Robust bool          `json:"robust"`
		Key    string        `json:"key"`
		From   any           `json:"from"`
		To     any           `json:"to"`
		NewTop model.ModelID `json:"new_top"`
		Text   string        `json:"text"`
	} `json:"sensitivity"`
	Land *struct {
		Code  string `json:"code"`
		Forms []struct {
			Model      model.ModelID `json:"model"`
			Available  bool          `json:"available"`
			Name       string        `json:"name"`
			Paragraphs struct {
				Confidence string `json:"confidence"`
				Check      bool   `json:"bitte_pruefen"`
			} `json:"paragraphs"`
		} `json:"forms"`
	} `json:"land"`
	CityState  bool   `json:"city_state"`
	Disclaimer string `json:"disclaimer"`
}

func TestScoreJSON(t *testing.T) {
	file := filepath.Join(scoreExampleDir, "profile-saarland-export.json")
	code, out, stderr := runScoreCmd(t, file, "--json") // flag after the file
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got scoreOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	data, _ := os.ReadFile(file)
	p, _ := model.ParseProfileDocument(data)
	r := model.Score(p)

	if len(got.Ranking) != len(r.Ranking) {
		t.Fatalf("%d models, want %d", len(got.Ranking), len(r.Ranking))
	}
	for i, m := range got.Ranking {
		want := r.Ranking[i]
		if m.Model != want.Model || m.Score != want.Score || m.Excluded != want.Excluded || m.Exclusion != want.Exclusion {
			t.Errorf("ranking[%d] = %s %d %v, want %s %d %v", i, m.Model, m.Score, m.Excluded, want.Model, want.Score, want.Excluded)
		}
		if name, _ := model.ModelByID(m.Model); m.Name != name.Name {
			t.Errorf("ranking[%d] name %q", i, m.Name)
		}
		if len(m.Reasons) != len(want.Contributions) {
			t.Errorf("%s: %d reasons, want %d", m.Model, len(m.Reasons), len(want.Contributions))
		}
		for j, c := range m.Reasons {
			if c.Reason == "" || c.Source == "" || c.Key == "" || c.Value == "" || c.Points == 0 {
				t.Errorf("%s reason %d incomplete: %+v", m.Model, j, c)
			}
			if j > 0 && absInt(c.Points) > absInt(m.Reasons[j-1].Points) {
				t.Errorf("%s reasons not ordered by effect", m.Model)
			}
		}
		if m.Excluded && (m.Rank != 0 || m.Exclusion == "") {
			t.Errorf("excluded %s: rank %d, exclusion %q", m.Model, m.Rank, m.Exclusion)
		}
		if !m.Excluded && m.Rank != i+1 {
			t.Errorf("%s: rank %d, want %d", m.Model, m.Rank, i+1)
		}
	}
	if last := got.Ranking[len(got.Ranking)-1]; last.Model != model.AoeR || !last.Excluded {
		t.Errorf("Saarland: aoer must be excluded and last, got %+v", last)
	}
	if strings.Join(got.Unanswered, ",") != strings.Join(r.Unanswered, ",") {
		t.Errorf("unanswered %v, want %v", got.Unanswered, r.Unanswered)
	}
	s := got.Sensitivity
	if s.Robust != r.Sensitivity.Robust || s.Key != r.Sensitivity.Key || s.NewTop != r.Sensitivity.NewTop || s.Text != wording.NewResult(r).Flip {
		t.Errorf("sensitivity %+v, want %+v", s, r.Sensitivity)
	}
	if got.Land == nil || got.Land.Code != "SL" || len(got.Land.Forms) != 4 || got.CityState || got.Disclaimer != model.Disclaimer {
		t.Errorf("land %+v, city_state %v, disclaimer %q", got.Land, got.CityState, got.Disclaimer)
	}
	for _, f := range got.Land.Forms {
		if f.Model == model.AoeR && f.Available {
			t.Error("SL aoer form must be unavailable")
		}
	}
}

func TestScoreJSONTypedAnswers(t *testing.T) {
	// Exchange only: the flip changes umfang, a single choice → strings in from/to.
	path := writeScoreFile(t, `{"profile": {"umfang": "austausch"}}`)
	_, out, _ := runScoreCmd(t, "--json", path)
	var got scoreOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Sensitivity.Key != "umfang" || got.Sensitivity.From != "austausch" || got.Sensitivity.To != "einzelaufgaben" {
		t.Errorf("sensitivity %+v", got.Sensitivity)
	}
	if got.Land != nil {
		t.Errorf("land must be null without bundesland, got %+v", got.Land)
	}
	if len(got.Unanswered) != len(model.ProfileQuestions)-1 {
		t.Errorf("unanswered %v", got.Unanswered)
	}
	for key, want := range map[string]any{
		"partner_anzahl": float64(3), "laendlich": true, "ziele": []any{"wirtschaftlichkeit"}, "umfang": "austausch",
	} {
		var a model.Answer
		switch v := want.(type) {
		case float64:
			a = model.Answer{"3"}
		case bool:
			a = model.Answer{"true"}
		case []any:
			a = model.Answer{v[0].(string)}
		default:
			a = model.Answer{v.(string)}
		}
		b, _ := json.Marshal(answerJSON(key, a))
		w, _ := json.Marshal(want)
		if string(b) != string(w) {
			t.Errorf("answerJSON(%s) = %s, want %s", key, b, w)
		}
	}
	if answerJSON("umfang", nil) != nil {
		t.Error("unanswered must be null")
	}
}

func TestScoreErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string // file content; "" means: use args as given
		args    []string
		code    int
		want    []string
	}{
		{"invalid value", `{"profile": {"umfang": "alles"}}`, nil, 2,
			[]string{"profil.json", `"umfang"`, `"alles"`, "austausch, einzelaufgaben, aufgabenbereich, gesamtbetrieb"}},
		{"unknown key", `{"profile": {"umfang": "austausch", "farbe": "blau"}}`, nil, 2,
			[]string{"profil.json", `"farbe"`, "bundesland"}},
		{"syntax error", "{\n  \"profile\": {\n    \"umfang\": \"austausch\"\n  \n", nil, 2,
			[]string{"profil.json:4:3:", "unerwartetes Dateiende"}},
		{"syntax error mid-line", "{\"profile\": {\"umfang\" \"austausch\"}}", nil, 2,
			[]string{"profil.json:1:23:", "JSON-Syntaxfehler"}},
		{"profile missing", `{"id": "x"}`, nil, 2, []string{"profil.json", `"profile" fehlt`}},
		{"missing file", "", []string{filepath.Join(dir, "gibtsnicht.json")}, 2,
			[]string{"Datei nicht gefunden: " + filepath.Join(dir, "gibtsnicht.json")}},
		{"directory", "", []string{dir}, 1, []string{dir, "kann nicht gelesen werden"}},
		{"no file", "", []string{}, 2, []string{"keine Datei angegeben", "Aufruf: ikz score"}},
		{"two files", "", []string{"a.json", "b.json"}, 2, []string{"nur eine Datei", "a.json, b.json"}},
		{"unknown option", "", []string{"--farbe", "a.json"}, 2, []string{"unbekannte Option -farbe"}},
		{"db without value", "", []string{"a.json", "--db"}, 2, []string{"Option -db braucht einen Wert"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if tt.content != "" {
				args = []string{writeScoreFile(t, tt.content)}
			}
			code, out, stderr := runScoreCmd(t, args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if out != "" {
				t.Errorf("stdout must stay empty on error, got %q", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

func TestScoreArgs(t *testing.T) {
	file := filepath.Join(scoreExampleDir, "profile-minimal.json")
	tests := []struct {
		name string
		args []string
		json bool
	}{
		{"plain", []string{file}, false},
		{"db ignored", []string{"--db", "x.db", file}, false},
		{"db= ignored", []string{"--db=x.db", "--json", file}, true},
		{"flag after file", []string{file, "--json"}, true},
		{"json=false", []string{"--json=false", file}, false},
		{"double dash", []string{"--json", "--", file}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runScoreCmd(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if isJSON := json.Valid([]byte(out)); isJSON != tt.json {
				t.Errorf("JSON output = %v, want %v", isJSON, tt.json)
			}
		})
	}
	code, out, _ := runScoreCmd(t, "--help")
	if code != 0 || !strings.Contains(out, "Aufruf: ikz score") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}

func TestWriteWrapped(t *testing.T) {
	var b bytes.Buffer
	text := strings.Repeat("Wort ", 30) + "(H 3.2) §§ 23–26 GkG NRW"
	writeWrapped(&b, text, "> ", "  ")
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "> ") || !strings.HasPrefix(lines[1], "  ") {
		t.Fatalf("wrapped = %q", b.String())
	}
	for _, l := range lines {
		if len([]rune(l)) > textWidth {
			t.Errorf("line too long: %q", l)
		}
		if strings.HasSuffix(l, "(H") || strings.HasSuffix(l, "§§") {
			t.Errorf("line ends in a short word: %q", l)
		}
	}
	if strings.Join(strings.Fields(strings.TrimPrefix(b.String(), ">")), " ") != strings.Join(strings.Fields(text), " ") {
		t.Error("wrapping lost or changed words")
	}
}

// TestScoreTextSharesWording: `ikz score` shows the same sentences as the
// tab, the accessible mode and the report (ui TestOneWordingEverywhere),
// because all of them lay out the parts of package wording.
func TestScoreTextSharesWording(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(scoreExampleDir, "profile-*.json"))
	files = append(files, writeScoreFile(t, `{"profile": {"bundesland": "NW"}}`), writeScoreFile(t, `{"profile": {"bundesland": "HH", "umfang": "gesamtbetrieb"}}`),
		writeScoreFile(t, `{"profile": {"bundesland": "BY", "umfang": "austausch", "zustaendigkeit": "abgeben"}}`))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := model.ParseProfileDocument(data)
		if err != nil {
			t.Fatal(err)
		}
		phrases := wordingtest.Phrases(wording.NewResult(model.Score(p)))
		if len(phrases) < 4 {
			t.Fatalf("%s: only %d phrases to compare", file, len(phrases))
		}
		_, out, _ := runScoreCmd(t, file)
		for _, miss := range wordingtest.Missing(out, phrases) {
			t.Errorf("%s: ikz score lacks %q", filepath.Base(file), miss)
		}
	}
}

// Ties are ties in JSON too (issue 10, item 4): equal points share a place,
// and with nothing that separates the leaders there is no leader.
func TestScoreJSONTiesShareAPlace(t *testing.T) {
	path := writeScoreFile(t, `{"profile": {"bundesland": "NW"}}`)
	code, out, stderr := runScoreCmd(t, "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Leader         *string `json:"leader"`
		Recommendation string  `json:"recommendation"`
		Ranking        []struct {
			Rank, Place int
			Model       string
		} `json:"ranking"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Leader != nil || !strings.Contains(strings.ToLower(got.Recommendation), strings.ToLower(model.NoRecommendation)) {
		t.Errorf("leader %v, recommendation %q", got.Leader, got.Recommendation)
	}
	for i, m := range got.Ranking {
		if m.Place != 1 || m.Rank != i+1 {
			t.Errorf("%s: rank %d place %d, want rank %d place 1", m.Model, m.Rank, m.Place, i+1)
		}
	}
}

// A model whose legal basis is unverified carries its marker and a warning
// list on its own entry (issue 10, item 3); flags stay for old readers.
func TestScoreJSONWarningsPerEntry(t *testing.T) {
	path := writeScoreFile(t, `{"profile": {"bundesland": "BE", "zustaendigkeit": "behalten"}}`)
	_, out, _ := runScoreCmd(t, "--json", path)
	var got struct {
		Leader  *string `json:"leader"`
		Ranking []struct {
			Model, Marker string
			Place         int
			Excluded      bool
			Warnings      []struct{ Kind, Text, Source string }
			Flags         []struct{ Text, Source string }
		} `json:"ranking"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Leader == nil || *got.Leader != string(model.VereinbarungMandatierend) {
		t.Fatalf("leader %v", got.Leader)
	}
	for _, m := range got.Ranking {
		switch m.Model {
		case string(model.VereinbarungMandatierend):
			if m.Marker != model.MarkerCheck || len(m.Warnings) == 0 || m.Warnings[0].Kind != string(model.FlagUnverified) || len(m.Flags) != len(m.Warnings) {
				t.Errorf("mandate in Berlin: %+v", m)
			}
		case string(model.Zweckverband), string(model.AoeR):
			if !m.Excluded || m.Place != 0 || m.Marker != model.MarkerExcluded {
				t.Errorf("%s in Berlin must be excluded: %+v", m.Model, m)
			}
		}
	}
}

// Answers that do not fit together are named with what to check, in text
// and JSON (issue 10, item 5).
func TestScoreContradictions(t *testing.T) {
	path := writeScoreFile(t, `{"profile": {"umfang": "austausch", "zustaendigkeit": "abgeben"}}`)
	_, out, _ := runScoreCmd(t, path)
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(out, "Passt nicht zusammen:") || !strings.Contains(flat, "Klären, ob wirklich Aufgaben") {
		t.Errorf("text lacks the contradiction:\n%s", out)
	}
	_, out, _ = runScoreCmd(t, "--json", path)
	var got struct {
		Contradictions []struct {
			ID   string
			Keys []string
		} `json:"contradictions"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Contradictions) != 1 || got.Contradictions[0].Keys[0] != "umfang" {
		t.Errorf("contradictions %+v", got.Contradictions)
	}
}
