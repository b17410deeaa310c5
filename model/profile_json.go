package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ProfileError describes an invalid profile answer in German; it names the
// key and, where there is a list, the allowed values.
type ProfileError struct {
	Key     string
	Value   string   // the offending value, if any
	Allowed []string // allowed values for choice questions
	Want    string   // what is expected, for non-choice questions
	Unknown bool     // the key itself is unknown
}

func (e *ProfileError) Error() string {
	switch {
	case e.Unknown:
		return fmt.Sprintf("unbekannter Schlüssel %q im Profil; erlaubt sind: %s", e.Key, strings.Join(ProfileKeys(), ", "))
	case e.Want != "" && e.Value != "":
		return fmt.Sprintf("ungültiger Wert %q für %q: erwartet wird %s", e.Value, e.Key, e.Want)
	case e.Want != "":
		return fmt.Sprintf("ungültige Angabe für %q: erwartet wird %s", e.Key, e.Want)
	case e.Value != "":
		return fmt.Sprintf("ungültiger Wert %q für %q; erlaubt sind: %s", e.Value, e.Key, strings.Join(e.Allowed, ", "))
	default:
		return fmt.Sprintf("ungültige Angabe für %q; erlaubt ist genau einer der Werte: %s", e.Key, strings.Join(e.Allowed, ", "))
	}
}

// SyntaxError is a JSON syntax error with a 1-based line and column.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: JSON-Syntaxfehler: %s", e.Line, e.Col, e.Msg)
}

// Position converts a byte offset in data into a 1-based line and column.
func Position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// DecodeJSON unmarshals data into v and turns JSON syntax and type errors
// into errors with line and column.
func DecodeJSON(data []byte, v any) error {
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		l, c := Position(data, se.Offset-1)
		return &SyntaxError{Line: l, Col: c, Msg: germanJSONMsg(se.Error())}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		l, c := Position(data, te.Offset)
		field := te.Field
		if field == "" {
			field = "Dokument"
		}
		return &SyntaxError{Line: l, Col: c, Msg: fmt.Sprintf("falscher Typ bei %q (gefunden: %s)", field, te.Value)}
	}
	var pe *ProfileError
	if errors.As(err, &pe) {
		return pe
	}
	return err
}

// germanJSONKind names a JSON type as encoding/json reports it.
func germanJSONKind(v string) string {
	switch v {
	case "array":
		return "eine Liste"
	case "string":
		return "ein Text"
	case "number":
		return "eine Zahl"
	case "bool":
		return "ein Wahrheitswert"
	}
	return v
}

func germanJSONMsg(s string) string {
	switch {
	case strings.Contains(s, "unexpected end of JSON input"):
		return "unerwartetes Dateiende"
	case strings.HasPrefix(s, "invalid character"):
		// "invalid character '}' looking for beginning of value": keep the
		// character, translate what the parser expected.
		rest := strings.TrimPrefix(s, "invalid character ")
		ch, context := rest, ""
		if i := strings.Index(rest[min(1, len(rest)):], "' "); i >= 0 { // the character is quoted: '…'
			ch, context = rest[:i+2], rest[i+3:]
		}
		return "unerwartetes Zeichen " + ch + jsonContextGerman(context)
	}
	return s
}

// jsonContextGerman translates the context phrases of encoding/json's
// syntax errors; unknown phrases are dropped rather than shown in English.
func jsonContextGerman(context string) string {
	for en, de := range map[string]string{
		"looking for beginning of value":             " (ein Wert wurde erwartet)",
		"looking for beginning of object key string": " (ein Schlüssel in Anführungszeichen wurde erwartet)",
		"after object key":                           " (nach einem Schlüssel wird ein Doppelpunkt erwartet)",
		"after object key:value pair":                " (nach einem Eintrag wird ein Komma oder } erwartet)",
		"after array element":                        " (nach einem Listenelement wird ein Komma oder ] erwartet)",
		"after top-level value":                      " (nach dem Dokument folgt noch Text)",
		"in string literal":                          " (in einer Zeichenkette)",
		"in string escape code":                      " (ungültige Escape-Sequenz in einer Zeichenkette)",
		"in literal true (expecting 'r')":            " (true erwartet)",
		"in literal false (expecting 'a')":           " (false erwartet)",
		"in literal null (expecting 'u')":            " (null erwartet)",
	} {
		if context == en {
			return de
		}
	}
	return ""
}

// ParseProfileDocument reads a JSON document with a "profile" member (a score
// file or a session export) and returns the validated profile.
func ParseProfileDocument(data []byte) (Profile, error) {
	var doc struct {
		Profile *Profile `json:"profile"`
	}
	if err := DecodeJSON(data, &doc); err != nil {
		return nil, err
	}
	if doc.Profile == nil {
		return nil, errors.New(`das Element "profile" fehlt (erwartet: {"profile": {...}})`)
	}
	return *doc.Profile, nil
}

// UnmarshalJSON decodes and validates a profile: strings for choices, true /
// false for yes-no questions, a whole number for numbers, an array of strings
// for multiple choice; null means unanswered.
func (p *Profile) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		// A type error here carries an offset inside the profile value, not
		// inside the file; name the problem without a misleading position.
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf(`das Element "profile" muss ein JSON-Objekt {...} sein, gefunden: %s`, germanJSONKind(te.Value))
		}
		return err
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(Profile, len(raw))
	for _, k := range keys {
		q, ok := ProfileQuestionByKey(k)
		if !ok {
			return &ProfileError{Key: k, Unknown: true}
		}
		v := bytes.TrimSpace(raw[k])
		if string(v) == "null" {
			continue
		}
		a, err := decodeAnswer(q, v)
		if err != nil {
			return err
		}
		if a, err = Normalize(k, a); err != nil {
			return err
		}
		out[k] = a
	}
	*p = out
	return nil
}

func decodeAnswer(q ProfileQuestion, v []byte) (Answer, error) {
	switch q.Kind {
	case Multi:
		var list []string
		if err := json.Unmarshal(v, &list); err != nil {
			return nil, &ProfileError{Key: q.Key, Value: string(v), Want: "eine Liste aus " + strings.Join(q.Allowed(), ", ")}
		}
		return Answer(list), nil
	case Number:
		var n json.Number
		if err := json.Unmarshal(v, &n); err != nil {
			return nil, &ProfileError{Key: q.Key, Value: string(v), Want: q.numberWant()}
		}
		return Answer{n.String()}, nil
	case Bool:
		var b bool
		if err := json.Unmarshal(v, &b); err == nil {
			return Answer{strconv.FormatBool(b)}, nil
		}
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, &ProfileError{Key: q.Key, Value: string(v), Allowed: q.Allowed()}
	}
	return Answer{s}, nil
}

// MarshalJSON writes the profile with JSON types per question kind, keys in
// catalogue order (retired keys, if any, last).
func (p Profile) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	write := func(k string, v any) error {
		enc, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(enc)
		return nil
	}
	for _, q := range ProfileQuestions {
		a, ok := p[q.Key]
		if !ok {
			continue
		}
		var v any = []string(a)
		switch q.Kind {
		case Single:
			if len(a) == 1 {
				v = a[0]
			}
		case Bool:
			if len(a) == 1 {
				v = a[0] == "true"
			}
		case Number:
			if n, err := strconv.Atoi(firstOf(a)); err == nil {
				v = n
			}
		case Multi:
			if a == nil {
				v = []string{}
			}
		}
		if err := write(q.Key, v); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func firstOf(a Answer) string {
	if len(a) == 0 {
		return ""
	}
	return a[0]
}
