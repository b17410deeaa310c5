package store

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"ikz/model"
)

func TestSummaryCodec(t *testing.T) {
	r := summaryRecord{
		Summary: Summary{
			ID: "abcdefgh", Title: "Titel „ä“", Traeger: "Kreis", Land: "NW",
			Progress: [3]model.PhaseProgress{
				{Phase: model.PhaseSondierung, QuickDone: 1, QuickTotal: 5, NotesDone: 2, NotesTotal: 16},
				{Phase: model.PhaseRealisierung, QuickDone: 3, QuickTotal: 4, NotesDone: 4, NotesTotal: 11},
				{Phase: model.PhaseVerstetigung, QuickDone: 2, QuickTotal: 2, NotesDone: 1, NotesTotal: 4},
			},
			TopModel: model.AoeR, TopTied: true, TopCheck: true, Decided: model.Zweckverband, Updated: time.Date(2026, 11, 21, 9, 30, 1, 123456789, time.UTC),
			OverdueMeasures: 7, Participants: 3, Answered: 12,
		},
		OpenDue: []string{"2026-10-01", "2027-03-31"},
	}
	// Every field must be set here, so that a field added later without
	// codec support makes this test fail.
	assertAllSet(t, reflect.ValueOf(r), "summaryRecord")
	got, err := decodeSummary(encodeSummary(r))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, r)
	}
	enc := encodeSummary(r)
	for n := range len(enc) {
		if _, err := decodeSummary(enc[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	if _, err := decodeSummary(append(enc, 0)); err == nil {
		t.Error("trailing byte: no error")
	}
	// Older records still decode: version 2 (no decision) and version 1
	// (no flags either).
	decided := len(appendString(nil, string(r.Decided)))
	v2 := append([]byte{summaryCodecV2}, enc[6:len(enc)-decided]...) // after the checksum and the version byte
	v1 := append([]byte{summaryCodecV1}, enc[6:len(enc)-decided-1]...)
	if _, err := decodeSummary(enc[5:]); err != nil {
		t.Errorf("v4 record without its checksum: %v", err)
	}
	if got, err := decodeSummary(v2); err != nil || got.Decided != "" || !got.TopTied {
		t.Errorf("v2 record: %v, %+v", err, got)
	}
	for i := range enc { // a flipped bit anywhere is damage
		d := bytes.Clone(enc)
		d[i] ^= 0x10
		if _, err := decodeSummary(d); err == nil {
			t.Errorf("bit flip in byte %d: no error", i)
		}
	}
	old, err := decodeSummary(v1)
	want := r
	want.TopTied, want.TopCheck, want.Decided = false, false, ""
	if err != nil || !reflect.DeepEqual(old, want) {
		t.Errorf("v1 record: %v\n got %+v\nwant %+v", err, old, want)
	}
}

func assertAllSet(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			break
		}
		for i := range v.NumField() {
			assertAllSet(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
		return
	case reflect.Array:
		for i := range v.Len() {
			assertAllSet(t, v.Index(i), path)
		}
		return
	}
	if v.IsZero() {
		t.Errorf("%s is not set in the test value", path)
	}
}
