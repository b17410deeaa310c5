package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// encoding/json matches object keys without regard to case and lets a later
// duplicate win: {"title": "A", "TITLE": "B"} imports as "B". A file from
// outside is held to exact names instead.

// checkDuplicateKeys refuses an object that names a key twice, also when
// the two differ only in case.
func checkDuplicateKeys(data []byte) error {
	type frame struct {
		obj, keyNext bool
		seen         map[string]string // folded → as written
	}
	var stack []*frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].keyNext = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // syntax errors are reported, with line and column, by the decoder
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, &frame{obj: true, keyNext: true, seen: map[string]string{}})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		case string:
			if top := len(stack) - 1; top >= 0 && stack[top].obj && stack[top].keyNext {
				f := stack[top]
				folded := strings.ToLower(t)
				if prev, dup := f.seen[folded]; dup {
					if prev == t {
						return fmt.Errorf("der Schlüssel %q steht zweimal im selben Objekt", t)
					}
					return fmt.Errorf("die Schlüssel %q und %q stehen im selben Objekt (sie unterscheiden sich nur in der Groß-/Kleinschreibung)", prev, t)
				}
				f.seen[folded], f.keyNext = t, false
				continue
			}
			valueDone()
		default:
			valueDone()
		}
	}
}

// checkKeyCase refuses keys that encoding/json matched to a field only by
// ignoring case ("TITLE" for "title"): v is what data decoded into, and
// every key of data must be spelled as in v's encoding.
func checkKeyCase(data []byte, v any) error {
	var in, out any
	if err := json.Unmarshal(data, &in); err != nil {
		return nil
	}
	enc, err := json.Marshal(v)
	if err != nil || json.Unmarshal(enc, &out) != nil {
		return nil
	}
	return sameKeyCase(in, out)
}

func sameKeyCase(in, out any) error {
	switch a := in.(type) {
	case map[string]any:
		b, ok := out.(map[string]any)
		if !ok {
			return nil
		}
		for k, av := range a {
			if bv, ok := b[k]; ok {
				if err := sameKeyCase(av, bv); err != nil {
					return err
				}
				continue
			}
			for bk := range b {
				if strings.EqualFold(k, bk) {
					return fmt.Errorf("unbekanntes Feld %q (gemeint ist wohl %q; die Groß-/Kleinschreibung muss stimmen)", k, bk)
				}
			}
		}
	case []any:
		b, ok := out.([]any)
		if !ok {
			return nil
		}
		for i := range min(len(a), len(b)) {
			if err := sameKeyCase(a[i], b[i]); err != nil {
				return err
			}
		}
	}
	return nil
}
