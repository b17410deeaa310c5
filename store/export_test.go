package store

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"ikz/model"
)

func TestExportImportRoundTrip(t *testing.T) {
	c := newClock()
	src, _ := openTemp(t, c)
	sess := richSession()
	if err := src.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Snapshot(sess.ID, "Review 1"); err != nil {
		t.Fatal(err)
	}
	if err := src.SetAnswer(sess.ID, "bundesland", model.Answer{"BB"}); err != nil {
		t.Fatal(err)
	}
	exp, err := src.Export(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteExport(&buf, exp); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"format\": \"ikz-session/1\",") {
		t.Errorf("export does not start with the format: %.80s", buf.String())
	}
	docs, err := ParseExport(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t, c)
	ids, err := dst.ImportExports(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] == "" {
		t.Fatalf("ids = %v", ids)
	}
	back, err := dst.Export(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	// Equal except for the new ID.
	back.Session.ID = exp.Session.ID
	for i := range back.Snapshots {
		back.Snapshots[i].Session.ID = exp.Snapshots[i].Session.ID
	}
	if !reflect.DeepEqual(back, exp) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", back.Session, exp.Session)
	}
	var again bytes.Buffer
	_ = WriteExport(&again, back)
	if again.String() != buf.String() {
		t.Errorf("second export differs:\n%s\n---\n%s", again.String(), buf.String())
	}
}

func TestParseExport(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // "" = valid
		check   func(t *testing.T, d []*Export)
	}{
		{name: "minimal", in: `{"format":"ikz-session/1","title":"T","profile":{}}`,
			check: func(t *testing.T, d []*Export) {
				if len(d) != 1 || d[0].Session.Title != "T" || len(d[0].Session.Profile) != 0 {
					t.Errorf("got %+v", d[0].Session)
				}
			}},
		{name: "array of two", in: `[{"format":"ikz-session/1","title":"A","profile":{"bundesland":"BE"}},
			{"format":"ikz-session/1","title":"B","profile":{"laendlich":false,"partner_anzahl":2}}]`,
			check: func(t *testing.T, d []*Export) {
				if len(d) != 2 || d[0].Session.Land() != "BE" || !d[1].Session.Profile.Is("laendlich", "false") {
					t.Errorf("got %+v", d)
				}
			}},
		{name: "syntax error with position", in: "{\n  \"format\": \"ikz-session/1\",\n  \"title\": }", wantErr: "3:"},
		{name: "not an object", in: `"text"`, wantErr: "falscher Typ"},
		{name: "empty array", in: `[]`, wantErr: "keine Sitzung"},
		{name: "format missing", in: `{"title":"T","profile":{}}`, wantErr: `"format" fehlt`},
		{name: "wrong format", in: `{"format":"ikz-session/9","title":"T","profile":{}}`, wantErr: "unbekanntes Format"},
		{name: "profile missing", in: `{"format":"ikz-session/1","title":"T"}`, wantErr: `"profile" fehlt`},
		{name: "title missing", in: `{"format":"ikz-session/1","profile":{}}`, wantErr: "Titel"},
		{name: "unknown field", in: `{"format":"ikz-session/1","title":"T","profile":{},"titel":"x"}`, wantErr: `unbekanntes Feld "titel"`},
		{name: "unknown profile key", in: `{"format":"ikz-session/1","title":"T","profile":{"farbe":"blau"}}`, wantErr: `unbekannter Schlüssel "farbe"`},
		{name: "invalid value", in: `{"format":"ikz-session/1","title":"T","profile":{"bundesland":"XX"}}`, wantErr: `ungültiger Wert "XX"`},
		{name: "wrong type", in: `{"format":"ikz-session/1","title":7,"profile":{}}`, wantErr: "falscher Typ"},
		{name: "unknown guiding question", in: `{"format":"ikz-session/1","title":"T","profile":{},"notes":{"x.y":"n"}}`, wantErr: `unbekannte Leitfrage "x.y"`},
		{name: "bad quick status", in: `{"format":"ikz-session/1","title":"T","profile":{},"quick_check":{"qc.s1":{"status":"fertig"}}}`, wantErr: `unbekannter Status "fertig"`},
		{name: "bad measure", in: `{"format":"ikz-session/1","title":"T","profile":{},"measures":[{"title":"M","due":"morgen","status":"geplant"}]}`, wantErr: "Maßnahme 1"},
		{name: "bad decision", in: `{"format":"ikz-session/1","title":"T","profile":{},"decisions":[{"model":"kooperative","reason":"r","at":"2026-01-01T00:00:00Z"}]}`, wantErr: "Entscheidung 1"},
		{name: "bad time", in: `{"format":"ikz-session/1","title":"T","profile":{},"created":"gestern"}`, wantErr: "Zeitangabe"},
		{name: "newer catalogue", in: `{"format":"ikz-session/1","title":"T","profile":{},"catalogue_version":999}`, wantErr: "neueren ikz-Version"},
		{name: "participant profile checked", in: `{"format":"ikz-session/1","title":"T","profile":{},"participants":[{"name":"A","profile":{"x":"y"}}]}`, wantErr: `Teilnehmer 1 ("A")`},
		{name: "second of two invalid", in: `[{"format":"ikz-session/1","title":"A","profile":{}},{"format":"ikz-session/1","title":"B"}]`, wantErr: "Sitzung 2 der Liste"},
		{name: "snapshot checked", in: `{"format":"ikz-session/1","title":"T","profile":{},"snapshots":[{"id":"s","label":"L","at":"2026-01-01T00:00:00Z","session":{"title":"T","profile":{"dauer":"ewig"}}}]}`, wantErr: "Stand 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseExport([]byte(tt.in))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, d)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestImportRetiredIDs(t *testing.T) {
	// Simulate a catalogue that has renamed a question since the export.
	model.RetiredIDs["s.alte.frage"] = "s.bedarf.ziele"
	model.RetiredIDs["alter_schluessel"] = ""
	defer delete(model.RetiredIDs, "s.alte.frage")
	defer delete(model.RetiredIDs, "alter_schluessel")
	d, err := ParseExport([]byte(`{"format":"ikz-session/1","title":"T","profile":{"alter_schluessel":"x","bundesland":"HH"},
		"notes":{"s.alte.frage":"meine Notiz"}}`))
	if err != nil {
		t.Fatal(err)
	}
	sess := d[0].Session
	if sess.Notes["s.bedarf.ziele"] != "meine Notiz" {
		t.Errorf("renamed note not moved: %v", sess.Notes)
	}
	if r := sess.Retired["alter_schluessel"]; r.Value != "x" {
		t.Errorf("removed key not kept: %v", sess.Retired)
	}
}

func TestImportAllOrNothing(t *testing.T) {
	s, _ := openTemp(t, newClock())
	good := &model.Session{Title: "gut"}
	bad := &model.Session{Title: "schlecht", Measures: []model.Measure{{Title: "ohne Indikator"}}}
	if _, err := s.Import([]*model.Session{good, bad}); err == nil || !strings.Contains(err.Error(), "Sitzung 2") {
		t.Fatalf("err = %v", err)
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("partial import: %+v", list)
	}
	ids, err := s.Import([]*model.Session{good, {Title: "auch gut"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || ids[0] == ids[1] || good.ID != "" {
		t.Errorf("ids = %v, caller's session changed: %q", ids, good.ID)
	}
	got, err := s.Get(ids[1])
	if err != nil || got.Title != "auch gut" || got.Created.IsZero() {
		t.Errorf("imported = %+v, %v", got, err)
	}
	if _, err := s.Export("nixda"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Export of unknown ID: %v", err)
	}
}

// FuzzParseExport: any input either fails with an error or yields sessions
// that pass import validation and survive an export round trip unchanged.
func FuzzParseExport(f *testing.F) {
	var rich bytes.Buffer
	_ = WriteExport(&rich, &Export{Session: richSession()})
	for _, seed := range []string{
		`{"format":"ikz-session/1","title":"T","profile":{}}`,
		`[{"format":"ikz-session/1","title":"A","profile":{"bundesland":"BE","ziele":["wirtschaftlichkeit"]}}]`,
		`{"format":"ikz-session/1","title":"T","profile":{"partner_anzahl":3},"notes":{"s.bedarf.ziele":"x"}}`,
		rich.String(),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ParseExport(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, d := range docs {
			if err := validateImport(d.Session); err != nil {
				t.Fatalf("parsed session fails validation: %v", err)
			}
		}
		var buf bytes.Buffer
		if err := WriteExport(&buf, docs...); err != nil {
			t.Fatal(err)
		}
		again, err := ParseExport(buf.Bytes())
		if err != nil {
			t.Fatalf("re-parse of own export: %v\n%s", err, buf.String())
		}
		var buf2 bytes.Buffer
		_ = WriteExport(&buf2, again...)
		if buf.String() != buf2.String() {
			t.Fatalf("export not stable:\n%s\n---\n%s", buf.String(), buf2.String())
		}
	})
}
