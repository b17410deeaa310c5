package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// laterCatalogue simulates a later catalogue version: the current questions
// plus the given renames.
func laterCatalogue(renames map[string]string) catalogueView {
	c := currentCatalogue()
	c.version = CatalogueVersion + 1
	c.renames = renames
	return c
}

func TestUpgrade(t *testing.T) {
	renames := map[string]string{
		"traeger_typ": "traeger",                  // renamed profile key
		"alt_kosten":  "",                         // removed profile key
		"s.alt.ziele": "s.bedarf.ziele",           // renamed guiding question
		"s.weg":       "",                         // removed guiding question
		"qc.alt":      "qc.s1",                    // renamed quick item
		"qc.a":        "qc.b",                     // chain a → b → s2
		"qc.b":        "qc.s2",                    //
		"loop.a":      "loop.b",                   // a cycle must not hang
		"loop.b":      "loop.a",                   //
		"eval.alt":    "eval.ziele",               // renamed review question
		"s.doppelt":   "s.bedarf.aufgaben",        // target already answered
		"dauer_alt":   "dauer",                    // target rejects the value
		"qc.ziel.weg": "qc.gibt.es.nicht.mehr.xy", // target unknown → removed
	}
	tests := []struct {
		name        string
		in          Session
		wantProfile Profile
		wantNotes   map[string]string
		wantQuick   map[string]QuickEntry
		wantRetired map[string]RetiredAnswer
		wantChanged bool
	}{
		{
			name:        "current and canonical: nothing to do",
			in:          Session{CatalogueVersion: CatalogueVersion + 1, Profile: Profile{"bundesland": {"NW"}}, Notes: map[string]string{"s.bedarf.ziele": "x"}},
			wantProfile: Profile{"bundesland": {"NW"}},
			wantNotes:   map[string]string{"s.bedarf.ziele": "x"},
		},
		{
			name:        "version bump alone is a change",
			in:          Session{CatalogueVersion: CatalogueVersion, Profile: Profile{}},
			wantProfile: Profile{},
			wantChanged: true,
		},
		{
			name:        "multi answer brought into catalogue order",
			in:          Session{CatalogueVersion: CatalogueVersion + 1, Profile: Profile{"ziele": {"servicequalitaet", "erfahrungsaustausch"}}},
			wantProfile: Profile{"ziele": {"erfahrungsaustausch", "servicequalitaet"}},
			wantChanged: true,
		},
		{
			name:        "renamed profile key moves",
			in:          Session{Profile: Profile{"traeger_typ": {"landkreis"}}},
			wantProfile: Profile{"traeger": {"landkreis"}},
			wantChanged: true,
		},
		{
			name:        "removed and unknown profile keys are retired",
			in:          Session{Profile: Profile{"alt_kosten": {"hoch"}, "nie_gesehen": {"a", "b"}}},
			wantProfile: Profile{},
			wantRetired: map[string]RetiredAnswer{
				"alt_kosten":  {Kind: RetiredProfile, Value: "hoch", Reason: "Die Frage gibt es nicht mehr."},
				"nie_gesehen": {Kind: RetiredProfile, Value: "a, b", Reason: "Die Frage gibt es nicht mehr."},
			},
			wantChanged: true,
		},
		{
			name:        "value no longer allowed is retired, not dropped",
			in:          Session{Profile: Profile{"bundesland": {"XX"}, "laendlich": {"true"}}},
			wantProfile: Profile{"laendlich": {"true"}},
			wantRetired: map[string]RetiredAnswer{
				"bundesland": {Kind: RetiredProfile, Value: "XX", Reason: "Die Antwort passt nicht mehr zur Frage: " + (&ProfileError{Key: "bundesland", Value: "XX", Allowed: mustQ("bundesland").Allowed()}).Error()},
			},
			wantChanged: true,
		},
		{
			name:        "rename target already answered keeps both",
			in:          Session{Notes: map[string]string{"s.doppelt": "alt", "s.bedarf.aufgaben": "neu"}},
			wantNotes:   map[string]string{"s.bedarf.aufgaben": "neu"},
			wantRetired: map[string]RetiredAnswer{"s.doppelt": {Kind: RetiredNote, Value: "alt", Reason: `Die Leitfrage heißt jetzt „s.bedarf.aufgaben“ und hat dort schon eine Notiz.`}},
			wantChanged: true,
		},
		{
			name:        "rename target rejects the value",
			in:          Session{Profile: Profile{"dauer_alt": {"ewig"}}},
			wantProfile: Profile{},
			wantRetired: map[string]RetiredAnswer{"dauer_alt": {Kind: RetiredProfile, Value: "ewig", Reason: `Die Frage heißt jetzt „dauer“; die Antwort passt dort nicht: ` + (&ProfileError{Key: "dauer", Value: "ewig", Allowed: mustQ("dauer").Allowed()}).Error()}},
			wantChanged: true,
		},
		{
			name:        "notes: renamed moves, removed retired, empty vanishes",
			in:          Session{Notes: map[string]string{"s.alt.ziele": "Ziele", "s.weg": "Weg", "s.leer": "  "}},
			wantNotes:   map[string]string{"s.bedarf.ziele": "Ziele"},
			wantRetired: map[string]RetiredAnswer{"s.weg": {Kind: RetiredNote, Value: "Weg", Reason: "Die Leitfrage gibt es nicht mehr."}},
			wantChanged: true,
		},
		{
			name: "quick items: rename, chain, cycle, unknown target",
			in: Session{QuickCheck: map[string]QuickEntry{
				"qc.alt":      {Status: StatusErledigt, Note: "n1"},
				"qc.a":        {Status: StatusInArbeit},
				"loop.a":      {Status: StatusOffen, Note: "kreis"},
				"qc.ziel.weg": {Status: StatusNichtRelev},
			}},
			wantQuick: map[string]QuickEntry{"qc.s1": {Status: StatusErledigt, Note: "n1"}, "qc.s2": {Status: StatusInArbeit}},
			wantRetired: map[string]RetiredAnswer{
				"loop.a":      {Kind: RetiredQuick, Value: "offen", Note: "kreis", Reason: "Den Quick-Check-Punkt gibt es nicht mehr."},
				"qc.ziel.weg": {Kind: RetiredQuick, Value: "nicht_relevant", Reason: "Den Quick-Check-Punkt gibt es nicht mehr."},
			},
			wantChanged: true,
		},
		{
			name: "earlier retired answer is never overwritten",
			in: Session{
				Profile: Profile{"alt_kosten": {"neu"}},
				Retired: map[string]RetiredAnswer{"alt_kosten": {Kind: RetiredProfile, Value: "alt", Since: 1}},
			},
			wantProfile: Profile{},
			wantRetired: map[string]RetiredAnswer{
				"alt_kosten":   {Kind: RetiredProfile, Value: "alt", Since: 1},
				"alt_kosten#2": {Kind: RetiredProfile, Value: "neu", Reason: "Die Frage gibt es nicht mehr."},
			},
			wantChanged: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := laterCatalogue(renames)
			s := tt.in
			got := upgrade(&s, c)
			if got != tt.wantChanged {
				t.Errorf("changed = %v, want %v", got, tt.wantChanged)
			}
			if s.CatalogueVersion != c.version {
				t.Errorf("CatalogueVersion = %d, want %d", s.CatalogueVersion, c.version)
			}
			if len(s.Profile) != 0 || len(tt.wantProfile) != 0 {
				if !reflect.DeepEqual(s.Profile, tt.wantProfile) {
					t.Errorf("Profile = %v, want %v", s.Profile, tt.wantProfile)
				}
			}
			if len(s.Notes) != 0 || len(tt.wantNotes) != 0 {
				if !reflect.DeepEqual(s.Notes, tt.wantNotes) {
					t.Errorf("Notes = %v, want %v", s.Notes, tt.wantNotes)
				}
			}
			if len(s.QuickCheck) != 0 || len(tt.wantQuick) != 0 {
				if !reflect.DeepEqual(s.QuickCheck, tt.wantQuick) {
					t.Errorf("QuickCheck = %v, want %v", s.QuickCheck, tt.wantQuick)
				}
			}
			// Since is the version that no longer had the question.
			want := map[string]RetiredAnswer{}
			for k, r := range tt.wantRetired {
				if r.Since == 0 {
					r.Since = c.version
				}
				want[k] = r
			}
			if len(s.Retired) != 0 || len(want) != 0 {
				if !reflect.DeepEqual(s.Retired, want) {
					t.Errorf("Retired =\n%#v\nwant\n%#v", s.Retired, want)
				}
			}
		})
	}
}

func mustQ(key string) ProfileQuestion {
	q, ok := ProfileQuestionByKey(key)
	if !ok {
		panic(key)
	}
	return q
}

func TestUpgradeParticipantsAndReviews(t *testing.T) {
	s := &Session{
		Participants: []Participant{{
			ID: "p1", Name: "Stadt A",
			Profile:    Profile{"traeger_typ": {"landkreis"}, "weg": {"x"}},
			QuickCheck: map[string]QuickStatus{"qc.alt": StatusErledigt, "qc.weg": StatusOffen},
		}},
		Reviews: []Review{{ID: "r1", Answers: map[string]string{"eval.alt": "gut", "eval.geloescht": "bleibt"}}},
	}
	if !upgrade(s, laterCatalogue(map[string]string{"traeger_typ": "traeger", "qc.alt": "qc.s1", "eval.alt": "eval.ziele"})) {
		t.Fatal("no change reported")
	}
	p := s.Participants[0]
	if !reflect.DeepEqual(p.Profile, Profile{"traeger": {"landkreis"}}) {
		t.Errorf("participant profile = %v", p.Profile)
	}
	if !reflect.DeepEqual(p.QuickCheck, map[string]QuickStatus{"qc.s1": StatusErledigt}) {
		t.Errorf("participant quick = %v", p.QuickCheck)
	}
	for key, kind := range map[string]string{"p1/weg": RetiredProfile, "p1/qc.weg": RetiredQuick} {
		r, ok := s.Retired[key]
		if !ok || r.Kind != kind || r.Participant != "p1" {
			t.Errorf("Retired[%q] = %+v, %v", key, r, ok)
		}
	}
	want := map[string]string{"eval.ziele": "gut", "eval.geloescht": "bleibt"}
	if !reflect.DeepEqual(s.Reviews[0].Answers, want) {
		t.Errorf("review answers = %v, want %v", s.Reviews[0].Answers, want)
	}
}

func TestDecodeSessionKeepsWhatStrictDecodingRefuses(t *testing.T) {
	data := []byte(`{"id":"a","title":"T","profile":{"bundesland":"NW","partner_anzahl":3,"laendlich":true,
		"ziele":["wirtschaftlichkeit","erfahrungsaustausch"],"entfernt":{"x":1},"leer":null},
		"participants":[{"id":"p","name":"P","profile":{"alt":"v"}}],"catalogue_version":1}`)
	var strict Session
	if err := json.Unmarshal(data, &strict); err == nil {
		t.Fatal("strict decoding accepted an unknown key; the test premise is wrong")
	}
	s, err := DecodeSession(data)
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{"bundesland": {"NW"}, "partner_anzahl": {"3"}, "laendlich": {"true"},
		"ziele": {"wirtschaftlichkeit", "erfahrungsaustausch"}, "entfernt": {`{"x":1}`}}
	if !reflect.DeepEqual(s.Profile, want) {
		t.Errorf("Profile = %v, want %v", s.Profile, want)
	}
	if !reflect.DeepEqual(s.Participants[0].Profile, Profile{"alt": {"v"}}) {
		t.Errorf("participant profile = %v", s.Participants[0].Profile)
	}
	Upgrade(s)
	if r := s.Retired["entfernt"]; r.Value != `{"x":1}` || r.Kind != RetiredProfile {
		t.Errorf("Retired[entfernt] = %+v", r)
	}
	if _, ok := s.Retired["p/alt"]; !ok {
		t.Errorf("participant answer not retired: %v", s.Retired)
	}
	if err := s.Profile.Validate(); err != nil {
		t.Errorf("upgraded profile invalid: %v", err)
	}
}

func TestDecodeSessionSyntaxError(t *testing.T) {
	_, err := DecodeSession([]byte("{\n\"title\": }"))
	if err == nil || !strings.Contains(err.Error(), "2:") {
		t.Fatalf("err = %v, want a syntax error with line 2", err)
	}
}

// Catalogue 2 (issue 10) only added options: every version-1 answer stays
// as it is, nothing is retired, and the new values are accepted.
func TestUpgradeCatalogue1To2KeepsEveryAnswer(t *testing.T) {
	p := scFullProfile()
	s := &Session{CatalogueVersion: 1, Profile: p.Clone()}
	if !Upgrade(s) || s.CatalogueVersion != 2 {
		t.Fatalf("upgrade: version %d", s.CatalogueVersion)
	}
	if len(s.Retired) != 0 || !reflect.DeepEqual(s.Profile, p) {
		t.Errorf("answers changed: %v, retired %v", s.Profile, s.Retired)
	}
	for _, kv := range [][2]string{{"traeger", "amt"}, {"traeger", "verbandsgemeinde"}, {"traeger", "samtgemeinde"},
		{"traeger", "schulverband"}, {"bestehende_struktur", "vereinbarung"}, {"bestehende_struktur", "netzwerk"}} {
		if _, err := Normalize(kv[0], Answer{kv[1]}); err != nil {
			t.Errorf("%s=%s: %v", kv[0], kv[1], err)
		}
	}
}
