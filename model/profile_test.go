package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseProfileDocumentErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // substrings of the error message
		as   any      // expected error type (pointer to a nil pointer), nil for any
	}{
		{"unknown value", `{"profile": {"umfang": "alles"}}`,
			[]string{`"umfang"`, `"alles"`, "austausch, einzelaufgaben, aufgabenbereich, gesamtbetrieb"}, new(*ProfileError)},
		{"unknown key", `{"profile": {"groesse": "gross"}}`,
			[]string{`unbekannter Schlüssel "groesse"`, "bundesland", "dauer"}, new(*ProfileError)},
		{"number for choice", `{"profile": {"traeger": 3}}`,
			[]string{`"traeger"`, "kreisfreie_stadt, landkreis, kreisangehoerige_kommune"}, new(*ProfileError)},
		{"list for choice", `{"profile": {"traeger": ["landkreis"]}}`,
			[]string{`"traeger"`, "landkreis"}, new(*ProfileError)},
		{"bool as word", `{"profile": {"laendlich": "ja"}}`,
			[]string{`"laendlich"`, `"ja"`, "true, false"}, new(*ProfileError)},
		{"multi not a list", `{"profile": {"ziele": "wirtschaftlichkeit"}}`,
			[]string{`"ziele"`, "Liste", "erfahrungsaustausch, wirtschaftlichkeit, aufgabensicherung, servicequalitaet"}, new(*ProfileError)},
		{"multi unknown element", `{"profile": {"aufgabenfelder": ["support"]}}`,
			[]string{`"aufgabenfelder"`, `"support"`, "bestandsaufnahme"}, new(*ProfileError)},
		{"number too small", `{"profile": {"partner_anzahl": 1}}`,
			[]string{`"partner_anzahl"`, "ganze Zahl von 2 bis 500"}, new(*ProfileError)},
		{"number not whole", `{"profile": {"partner_anzahl": 2.5}}`,
			[]string{`"partner_anzahl"`, "ganze Zahl von 2 bis 500"}, new(*ProfileError)},
		{"number as word", `{"profile": {"partner_anzahl": "viele"}}`,
			[]string{`"partner_anzahl"`, "ganze Zahl von 2 bis 500"}, new(*ProfileError)},
		{"land", `{"profile": {"bundesland": "NRW"}}`,
			[]string{`"bundesland"`, `"NRW"`, "BW, BY, BE"}, new(*ProfileError)},
		{"syntax error position", "{\n  \"profile\": {\n    \"umfang\": \"austausch\",\n  }\n}",
			[]string{"4:3:", "JSON-Syntaxfehler"}, new(*SyntaxError)},
		{"truncated", `{"profile": {"umfang": `, []string{"unerwartetes Dateiende"}, new(*SyntaxError)},
		{"document not an object", `[1, 2]`, []string{"Dokument"}, new(*SyntaxError)},
		{"profile missing", `{"session": {}}`, []string{`"profile" fehlt`}, nil},
		{"profile null", `{"profile": null}`, []string{`"profile" fehlt`}, nil},
		{"profile not an object", `{"profile": ["umfang"]}`, []string{`"profile"`, "Objekt", "Liste"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseProfileDocument([]byte(tt.in))
			if err == nil {
				t.Fatalf("no error, profile %v", p)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tt.as != nil && !errors.As(err, tt.as) {
				t.Errorf("error %T, want %T", err, tt.as)
			}
		})
	}
}

func TestParseProfileDocumentValid(t *testing.T) {
	in := `{
	  "id": "s1", "title": "Export", "notes": {"x": "y"},
	  "profile": {
	    "bundesland": "NI",
	    "partner_anzahl": 4,
	    "laendlich": true,
	    "ziele": ["servicequalitaet", "erfahrungsaustausch", "servicequalitaet"],
	    "aufgabenfelder": [],
	    "steuerung": null
	  }
	}`
	p, err := ParseProfileDocument([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{
		"bundesland":     {"NI"},
		"partner_anzahl": {"4"},
		"laendlich":      {"true"},
		"ziele":          {"erfahrungsaustausch", "servicequalitaet"}, // de-duplicated, catalogue order
		"aufgabenfelder": {},                                          // answered: none of them
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got %v, want %v", p, want)
	}
	if _, ok := p["steuerung"]; ok {
		t.Error("null must mean unanswered")
	}
}

func TestProfileRoundTrip(t *testing.T) {
	for i, p := range scProfiles(100) {
		data, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseProfileDocument([]byte(`{"profile":` + string(data) + `}`))
		if err != nil {
			t.Fatalf("profile %d: %v\n%s", i, err, data)
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("profile %d: round trip\n got %v\nwant %v", i, back, p)
		}
	}
}

func TestAnswerText(t *testing.T) {
	q := func(key string) ProfileQuestion {
		q, ok := ProfileQuestionByKey(key)
		if !ok {
			t.Fatalf("no question %s", key)
		}
		return q
	}
	for _, tc := range []struct {
		key  string
		a    Answer
		want string
	}{
		{"bundesland", Answer{"NW"}, "Nordrhein-Westfalen"},
		{"laendlich", Answer{"false"}, "nein"},
		{"partner_anzahl", Answer{"7"}, "7"},
		{"ziele", Answer{"wirtschaftlichkeit", "servicequalitaet"}, "Kosten senken, wirtschaftlicher arbeiten; besseren Service für die Schulen"},
		{"ziele", Answer{}, "keine Auswahl"},
	} {
		if got := q(tc.key).AnswerText(tc.a); got != tc.want {
			t.Errorf("%s %v = %q, want %q", tc.key, tc.a, got, tc.want)
		}
	}
}
