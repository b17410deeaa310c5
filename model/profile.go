package model

import (
	"sort"
	"strconv"
	"strings"
)

// Kind says how a profile question is answered.
type Kind int

const (
	Single Kind = iota // exactly one of the options
	Multi              // any subset of the options
	Number             // a whole number ≥ Min
	Bool               // "true" or "false"
)

// Option is one allowed value of a profile question with its German label.
type Option struct {
	Value string
	Label string
}

// Condition is true when the profile's answer to Key is Value.
type Condition struct {
	Key   string
	Value string
}

// ProfileQuestion is one key of the profile contract (domain.md §4).
type ProfileQuestion struct {
	Key     string
	Label   string // short German label
	Help    string // one German line
	Kind    Kind
	Options []Option // Single, Multi and Bool
	Min     int      // Number only
	Max     int      // Number only: the plausible maximum (0: none)
	Source  string
	// HideIf names the answer that makes this question irrelevant (it is
	// then hidden in forms and ignored by scoring).
	HideIf *Condition
}

// Allowed lists the allowed values in catalogue order.
func (q ProfileQuestion) Allowed() []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}

// OptionLabel returns the German label of a value, or the value itself.
func (q ProfileQuestion) OptionLabel(v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// AnswerText is answer a for people: the options' labels joined by "; "
// (labels may themselves contain commas), a number as it is, "keine
// Auswahl" for an empty multiple choice. Unanswered (nil) is the caller's
// to word, as the contexts differ ("unbeantwortet", "noch keine", …).
func (q ProfileQuestion) AnswerText(a Answer) string {
	if len(a) == 0 {
		return "keine Auswahl"
	}
	labels := make([]string, len(a))
	for i, v := range a {
		labels[i] = q.OptionLabel(v)
	}
	return strings.Join(labels, "; ")
}

// Answer is one answer in canonical form: Single, Bool and Number answers
// hold exactly one element ("NW", "true", "3"); Multi answers hold the chosen
// values in catalogue order (possibly none).
type Answer []string

// Profile maps question keys to answers. A missing key is unanswered.
type Profile map[string]Answer

// Clone returns a deep copy.
func (p Profile) Clone() Profile {
	out := make(Profile, len(p))
	for k, a := range p {
		if a != nil { // keep an answered, empty Multi answer non-nil
			a = append(make(Answer, 0, len(a)), a...)
		}
		out[k] = a
	}
	return out
}

// Choice returns the single value of a Single or Bool answer.
func (p Profile) Choice(key string) (string, bool) {
	a, ok := p[key]
	if !ok || len(a) != 1 {
		return "", false
	}
	return a[0], true
}

// Is reports whether the answer to key is exactly value (or contains it, for Multi).
func (p Profile) Is(key, value string) bool {
	for _, v := range p[key] {
		if v == value {
			return true
		}
	}
	return false
}

// Number returns the value of a Number answer.
func (p Profile) Number(key string) (int, bool) {
	v, ok := p.Choice(key)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// Visible reports whether question q matters given the other answers.
func (p Profile) Visible(q ProfileQuestion) bool {
	return q.HideIf == nil || !p.Is(q.HideIf.Key, q.HideIf.Value)
}

// Unanswered lists the visible profile keys without an answer, in catalogue order.
func (p Profile) Unanswered() []string {
	var out []string
	for _, q := range ProfileQuestions {
		if _, ok := p[q.Key]; !ok && p.Visible(q) {
			out = append(out, q.Key)
		}
	}
	return out
}

// Normalize validates a and returns it in canonical form (Multi values
// de-duplicated and in catalogue order).
func Normalize(key string, a Answer) (Answer, error) {
	q, ok := ProfileQuestionByKey(key)
	if !ok {
		return nil, &ProfileError{Key: key, Unknown: true}
	}
	switch q.Kind {
	case Number:
		if len(a) != 1 {
			return nil, &ProfileError{Key: key, Want: "eine ganze Zahl"}
		}
		n, err := strconv.Atoi(a[0])
		if err != nil || n < q.Min || (q.Max > 0 && n > q.Max) {
			return nil, &ProfileError{Key: key, Value: a[0], Want: q.numberWant()}
		}
		return Answer{strconv.Itoa(n)}, nil
	case Multi:
		seen := map[string]bool{}
		for _, v := range a {
			if !q.hasOption(v) {
				return nil, &ProfileError{Key: key, Value: v, Allowed: q.Allowed()}
			}
			seen[v] = true
		}
		out := Answer{}
		for _, o := range q.Options {
			if seen[o.Value] {
				out = append(out, o.Value)
			}
		}
		return out, nil
	default:
		if len(a) != 1 {
			return nil, &ProfileError{Key: key, Allowed: q.Allowed()}
		}
		if !q.hasOption(a[0]) {
			return nil, &ProfileError{Key: key, Value: a[0], Allowed: q.Allowed()}
		}
		return Answer{a[0]}, nil
	}
}

func (q ProfileQuestion) hasOption(v string) bool {
	for _, o := range q.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// Validate checks every answer of p.
func (p Profile) Validate() error {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := Normalize(k, p[k]); err != nil {
			return err
		}
	}
	return nil
}

// numberWant says which numbers a Number question takes.
func (q ProfileQuestion) numberWant() string {
	if q.Max > 0 {
		return "eine ganze Zahl von " + strconv.Itoa(q.Min) + " bis " + strconv.Itoa(q.Max)
	}
	return "eine ganze Zahl ab " + strconv.Itoa(q.Min)
}
