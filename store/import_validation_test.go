package store

import (
	"strings"
	"testing"
)

// Hostile or careless import files: each refused with a German message
// naming the problem, or (BOM) accepted.
func TestImportValidation(t *testing.T) {
	const head = `{"format":"ikz-session/1","title":"T","profile":{}`
	for _, tc := range []struct {
		name, doc, want string // want "" = accepted
	}{
		{"efficiency +1e308", head + `,"efficiency":{"years":5,"personnel_now":1e308}}`, "unplausibel groß"},
		{"efficiency -1e308", head + `,"efficiency":{"years":5,"personnel_with":-1e308}}`, "nicht negativ"},
		{"staff 94000 VZÄ", head + `,"efficiency":{"years":5,"staff_now":94000}}`, "VZÄ"},
		{"duplicate participant IDs", head + `,"participants":[{"id":"p1","name":"A","profile":{}},{"id":"p1","name":"B","profile":{}}]}`, "dieselbe ID"},
		{"duplicate measure IDs", head + `,"measures":[{"id":"m","title":"A","indicator":"i","due":"2027-01-01","status":"geplant"},{"id":"m","title":"B","indicator":"i","due":"2027-01-01","status":"geplant"}]}`, "dieselbe ID"},
		{"later TITLE overrides title", `{"format":"ikz-session/1","title":"Richtig","TITLE":"Untergeschoben","profile":{}}`, "Groß-/Kleinschreibung"},
		{"title twice", `{"format":"ikz-session/1","title":"A","title":"B","profile":{}}`, "zweimal"},
		{"TITLE alone", `{"format":"ikz-session/1","TITLE":"X","profile":{}}`, "Groß-/Kleinschreibung"},
		{"case deep inside", head + `,"measures":[{"id":"m","Title":"A","indicator":"i","due":"2027-01-01","status":"geplant"}]}`, "Groß-/Kleinschreibung"},
		{"duplicate profile key", `{"format":"ikz-session/1","title":"T","profile":{"bundesland":"BY","bundesland":"NW"}}`, "zweimal"},
		{"byte-order mark", "\xEF\xBB\xBF" + head + "}", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ParseExport([]byte(tc.doc))
			if err == nil && len(docs) == 1 {
				err = validateImport(docs[0].Session)
			}
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// A file above the limit is refused before it is decoded.
func TestImportSizeLimit(t *testing.T) {
	big := make([]byte, MaxImportSize+1)
	_, err := ParseExport(big)
	if err == nil || !strings.Contains(err.Error(), "höchstens 16 MB") {
		t.Errorf("err = %v", err)
	}
}
