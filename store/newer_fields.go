package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"ikz/model"
)

// A session written by a newer ikz may carry fields this version does not
// know. Decoding drops them, so rewriting the session would lose them.
// put keeps unknown top-level fields of the record it replaces (they are
// appended to the new JSON as they were) and refuses the write when
// unknown fields sit deeper inside (in a measure, a participant …), where
// they cannot be kept apart from the data this version changes.

// NewerFieldsError: a write would drop fields written by a newer ikz.
type NewerFieldsError struct {
	Path, ID string
	Field    string
}

func (e *NewerFieldsError) Error() string {
	return fmt.Sprintf("Die Sitzung „%s“ in %s enthält Angaben einer neueren ikz-Version (%s), die diese Version nicht kennt. "+
		"Damit sie nicht verloren gehen, wird die Sitzung hier nicht geändert. Bitte aktualisieren Sie ikz.", e.ID, e.Path, e.Field)
}

var (
	knownOnce sync.Once
	knownTop  map[string]bool
)

// knownTopFields are the JSON names of model.Session.
func knownTopFields() map[string]bool {
	knownOnce.Do(func() {
		knownTop = map[string]bool{}
		t := reflect.TypeOf(model.Session{})
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == "" {
				name = t.Field(i).Name
			}
			if name != "-" {
				knownTop[name] = true
			}
		}
	})
	return knownTop
}

// newerFields checks the stored JSON that a write replaces. It returns the
// unknown top-level members as `,"name":value…` to append to the new JSON,
// or a NewerFieldsError for unknown members deeper inside.
func (s *Store) newerFields(id string, old []byte) ([]byte, error) {
	if len(old) == 0 || strictSession(old) == nil {
		return nil, nil // the common case: nothing unknown
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(old, &top); err != nil {
		return nil, nil // the lenient decode managed; nothing to keep
	}
	var names []string
	for k := range top {
		if !knownTopFields()[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	rest := make(map[string]json.RawMessage, len(top))
	for k, v := range top {
		if knownTopFields()[k] {
			rest[k] = v
		}
	}
	if data, err := json.Marshal(rest); err == nil {
		if err := strictSession(data); err != nil {
			field := strings.TrimPrefix(err.Error(), "json: unknown field ")
			if field == err.Error() {
				return nil, nil // some other strictness; the lenient decode stands
			}
			return nil, &NewerFieldsError{Path: s.path, ID: id, Field: "Feld " + field}
		}
	}
	var extra []byte
	for _, k := range names {
		key, _ := json.Marshal(k)
		extra = append(append(append(append(extra, ','), key...), ':'), top[k]...)
	}
	return extra, nil
}

// strictSession decodes data refusing unknown fields (profile keys are
// free-form here: retired ones are kept by the lenient decode).
func strictSession(data []byte) error {
	raw := rawSession{plainSession: new(plainSession)}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&raw)
	if err != nil && !strings.HasPrefix(err.Error(), "json: unknown field ") {
		return nil // not about unknown fields
	}
	return err
}

// withExtra appends the kept members to a JSON object.
func withExtra(data, extra []byte) []byte {
	if len(extra) == 0 || len(data) < 2 || data[len(data)-1] != '}' {
		return data
	}
	if bytes.Equal(data, []byte("{}")) {
		extra = extra[1:] // no leading comma in an empty object
	}
	out := make([]byte, 0, len(data)+len(extra))
	out = append(out, data[:len(data)-1]...)
	out = append(out, extra...)
	return append(out, '}')
}
