package wizard

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
)

func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,  ; ", nil},
		{"Stadt A", []string{"Stadt A"}},
		{"Stadt A, Gemeinde B;Kreis C", []string{"Stadt A", "Gemeinde B", "Kreis C"}},
		{"  Stadt   A , stadt a, STADT A ", []string{"Stadt A"}},
		{"A,,B,", []string{"A", "B"}},
	}
	for _, tt := range tests {
		if got := SplitList(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidateTitle(t *testing.T) {
	for _, s := range []string{"", " ", "\t  "} {
		if ValidateTitle(s) == nil {
			t.Errorf("ValidateTitle(%q) = nil, want an error", s)
		}
	}
	if err := ValidateTitle(" Schul-IT 2026 "); err != nil {
		t.Errorf("ValidateTitle: %v", err)
	}
}

func TestNewSessionApply(t *testing.T) {
	tests := []struct {
		name    string
		draft   NewSession
		before  model.Profile
		title   string
		traeger string
		profile model.Profile
		munis   []string
	}{
		{
			name:    "defaults leave the profile unanswered",
			draft:   NewSession{Title: "  Test  "},
			title:   "Test",
			profile: model.Profile{},
		},
		{
			name:    "all fields",
			draft:   NewSession{Title: "T", Traeger: " Kreis Lippe ", Land: "NW", Kind: "landkreis", Municipalities: "Detmold, Lemgo"},
			title:   "T",
			traeger: "Kreis Lippe",
			profile: model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "partner_anzahl": {"3"}}, // two named and the own
			munis:   []string{"Detmold", "Lemgo"},
		},
		{
			name:    "back to unanswered removes the answer, other keys stay",
			draft:   NewSession{Title: "T", Land: NoAnswer, Kind: "kreisfreie_stadt"},
			before:  model.Profile{"bundesland": {"BY"}, "dauer": {"befristet"}},
			title:   "T",
			profile: model.Profile{"traeger": {"kreisfreie_stadt"}, "dauer": {"befristet"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &model.Session{Profile: tt.before}
			tt.draft.Apply(s)
			if s.Title != tt.title || s.Traeger != tt.traeger {
				t.Errorf("title, traeger = %q, %q; want %q, %q", s.Title, s.Traeger, tt.title, tt.traeger)
			}
			if !reflect.DeepEqual(s.Profile, tt.profile) {
				t.Errorf("profile = %v, want %v", s.Profile, tt.profile)
			}
			if !reflect.DeepEqual(s.Municipalities, tt.munis) {
				t.Errorf("municipalities = %q, want %q", s.Municipalities, tt.munis)
			}
			if err := s.Profile.Validate(); err != nil {
				t.Errorf("profile invalid: %v", err)
			}
		})
	}
}

func TestLandNote(t *testing.T) {
	for _, code := range []string{"BE", "HH", "HB"} {
		l, _ := model.LandByCode(code)
		if got := LandNote(code); !strings.Contains(got, l.CityNote) || l.CityNote == "" {
			t.Errorf("LandNote(%s) = %q, want the city-state note", code, got)
		}
	}
	for _, code := range []string{"", "NW", "BY"} {
		if got := LandNote(code); strings.Contains(got, "Hinweis") {
			t.Errorf("LandNote(%q) = %q, want no city-state note", code, got)
		}
	}
}

// The form offers every Land and every kind of Träger, after "keine Angabe".
func TestNewSessionFormOptions(t *testing.T) {
	for _, key := range []string{"bundesland", "traeger"} {
		q, _ := model.ProfileQuestionByKey(key)
		opts := choiceOptions(key)
		if len(opts) != len(q.Options)+1 || opts[0].Value != NoAnswer {
			t.Fatalf("%s: %d options, first %q", key, len(opts), opts[0].Value)
		}
		for i, o := range q.Options {
			if opts[i+1].Value != o.Value || opts[i+1].Key != o.Label {
				t.Errorf("%s option %d = %q/%q, want %q/%q", key, i+1, opts[i+1].Key, opts[i+1].Value, o.Label, o.Value)
			}
		}
	}
}

// nsDrive feeds messages to the form and runs the returned commands, as a
// program would, until nothing is left.
func nsDrive(f *huh.Form, msgs ...tea.Msg) {
	queue := append([]tea.Msg(nil), msgs...)
	for steps := 0; len(queue) > 0 && steps < 1000; steps++ {
		msg := queue[0]
		queue = queue[1:]
		_, cmd := f.Update(msg)
		queue = append(queue, nsRun(cmd)...)
	}
}

// nsRun executes cmd; commands that do not answer at once (cursor blink
// ticks) are dropped.
func nsRun(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(20 * time.Millisecond):
		return nil
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, nsRun(c)...)
		}
		return out
	case tea.QuitMsg, nil:
		return nil
	}
	return []tea.Msg{msg}
}

func nsType(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

var nsEnter = tea.KeyMsg{Type: tea.KeyEnter}

func TestNewSessionFormEnterThroughKeepsDefaults(t *testing.T) {
	d := &NewSession{}
	f := NewSessionForm(d, nil)
	f.SubmitCmd = func() tea.Msg { return nil }
	nsDrive(f, nsRun(f.Init())...)
	nsDrive(f, nsType("Schul-IT 2026")...)
	for i := 0; i < 5; i++ {
		nsDrive(f, nsEnter)
	}
	if f.State != huh.StateCompleted {
		t.Fatalf("form state = %v, want completed", f.State)
	}
	want := NewSession{Title: "Schul-IT 2026"}
	if *d != want {
		t.Errorf("draft = %+v, want %+v", *d, want)
	}
}

func TestNewSessionFormRequiresTitle(t *testing.T) {
	d := &NewSession{}
	f := NewSessionForm(d, nil)
	nsDrive(f, nsRun(f.Init())...)
	nsDrive(f, nsEnter, nsEnter)
	if got := f.GetFocusedField().GetKey(); got != FieldTitle {
		t.Fatalf("focus on %q after nsEnter on a blank title, want %q", got, FieldTitle)
	}
	nsDrive(f, nsType("X")...)
	nsDrive(f, nsEnter)
	if got := f.GetFocusedField().GetKey(); got != FieldTraegerName {
		t.Errorf("focus on %q after a title, want %q", got, FieldTraegerName)
	}
}

func TestNewSessionFormChoosesLand(t *testing.T) {
	d := &NewSession{}
	f := NewSessionForm(d, nil)
	nsDrive(f, nsRun(f.Init())...)
	nsDrive(f, nsType("T")...)
	nsDrive(f, nsEnter)
	nsDrive(f, nsType("Stadt Bonn")...)
	nsDrive(f, nsEnter)
	// The Land list starts on "keine Angabe"; NW is the 10th Land.
	for i := 0; i < 10; i++ {
		nsDrive(f, tea.KeyMsg{Type: tea.KeyDown})
	}
	nsDrive(f, nsEnter)
	nsDrive(f, tea.KeyMsg{Type: tea.KeyDown}) // kreisfreie Stadt
	nsDrive(f, nsEnter)
	nsDrive(f, nsType("Bonn, Siegburg")...)
	want := NewSession{Title: "T", Traeger: "Stadt Bonn", Land: "NW", Kind: "kreisfreie_stadt", Municipalities: "Bonn, Siegburg"}
	if *d != want {
		t.Errorf("draft = %+v, want %+v", *d, want)
	}
}

// nsLineReader hands out one line per Read, as a terminal does; huh's
// accessible prompts start a new scanner per question.
type nsLineReader struct{ lines []string }

func (r *nsLineReader) Read(p []byte) (int, error) {
	if len(r.lines) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.lines[0]+"\n")
	r.lines = r.lines[1:]
	return n, nil
}

func TestNewSessionFormAccessible(t *testing.T) {
	d := &NewSession{}
	var out bytes.Buffer
	in := &nsLineReader{lines: []string{"", "Kooperation Nord", "Kreis Nord", "16", "3", "A, B"}}
	err := NewSessionForm(d, nil).WithAccessible(true).WithInput(in).WithOutput(&out).Run()
	if err != nil {
		t.Fatal(err)
	}
	want := NewSession{Title: "Kooperation Nord", Traeger: "Kreis Nord", Land: "SH", Kind: "landkreis", Municipalities: "A, B"}
	if *d != want {
		t.Errorf("draft = %+v, want %+v\noutput:\n%s", *d, want, out.String())
	}
	if !strings.Contains(out.String(), "Titel der Sitzung") || !strings.Contains(out.String(), "Schleswig-Holstein") {
		t.Errorf("accessible output misses the prompts:\n%s", out.String())
	}
}
