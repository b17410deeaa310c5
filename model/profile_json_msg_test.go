package model

import (
	"errors"
	"strings"
	"testing"
)

// Syntax errors are reported in German, with no English phrase from
// encoding/json left in the message.
func TestSyntaxErrorsAreGerman(t *testing.T) {
	for _, tc := range []struct {
		doc, want string
	}{
		{`{"profile": {"umfang": }}`, "unerwartetes Zeichen '}' (ein Wert wurde erwartet)"},
		{`{"profile": {"umfang" "x"}}`, "(nach einem Schlüssel wird ein Doppelpunkt erwartet)"},
		{`{"profile": {"umfang": "x" "y"}}`, "(nach einem Eintrag wird ein Komma oder } erwartet)"},
		{"{\"profile\": \"\t\"}", `unerwartetes Zeichen '\t' (in einer Zeichenkette)`},
		{`{"profile": {`, "unerwartetes Dateiende"},
	} {
		_, err := ParseProfileDocument([]byte(tc.doc))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s: got %v, want a SyntaxError", tc.doc, err)
		}
		if !strings.Contains(se.Msg, tc.want) {
			t.Errorf("%s: message %q lacks %q", tc.doc, se.Msg, tc.want)
		}
		for _, en := range []string{"looking for", "after object", "invalid character", "literal"} {
			if strings.Contains(se.Msg, en) {
				t.Errorf("%s: English left in %q", tc.doc, se.Msg)
			}
		}
	}
}
