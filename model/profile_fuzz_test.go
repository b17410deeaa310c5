package model

import (
	"errors"
	"reflect"
	"testing"
)

// FuzzParseProfileDocument feeds arbitrary bytes to the profile parser. The
// seeds (f.Add and testdata/fuzz/FuzzParseProfileDocument) run with every
// `go test`; `go test -fuzz FuzzParseProfileDocument ./model` explores more.
//
// Properties: no panic; an error is one of our German errors with a text;
// a parsed profile is valid, scores without panic, and survives a round trip
// through MarshalJSON unchanged.
func FuzzParseProfileDocument(f *testing.F) {
	seeds := []string{
		`{"profile": {}}`,
		`{"profile": {"bundesland": "SL", "umfang": "gesamtbetrieb", "steuerung": "unternehmerisch"}}`,
		`{"profile": {"partner_anzahl": 13, "laendlich": false, "ziele": ["wirtschaftlichkeit"]}}`,
		`{"profile": {"partner_anzahl": "3", "laendlich": "true"}}`,
		`{"profile": {"ziele": ["x"]}}`,
		`{"profile": {"umfang": "alles"}}`,
		`{"profile": {"neue_rechtsperson": "nein", "steuerung": "kollegial"}}`,
		`{"profile": {"aufgabenfelder": [], "dauer": null}, "id": "abc", "notes": {}}`,
		`{"profile": []}`,
		`{"profile": {"partner_anzahl": 1e3}}`,
		`{"profile": {"partner_anzahl": -0}}`,
		`{"profile": {"partner_anzahl": 99999999999999999999999}}`,
		"{\"profile\": {\"umfang\": \"austausch\",}}",
		"\xff\xfe{}",
		`[]`, `null`, `"profile"`, ``, `{`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProfileDocument(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			var pe *ProfileError
			if errors.As(err, &pe) && pe.Key == "" && !pe.Unknown {
				t.Fatalf("profile error without key: %v", err)
			}
			var se *SyntaxError
			if errors.As(err, &se) && (se.Line < 1 || se.Col < 1) {
				t.Fatalf("syntax error without position: %v", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("parsed profile is invalid: %v", err)
		}
		_ = Score(p)
		out, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseProfileDocument([]byte(`{"profile":` + string(out) + `}`))
		if err != nil {
			t.Fatalf("re-parse of %s: %v", out, err)
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("round trip changed the profile:\n%v\n%v", p, back)
		}
	})
}
