package model

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestParseGermanNumber(t *testing.T) {
	cases := []struct {
		in        string
		want      float64
		ambiguous bool
		err       string // part of the message
	}{
		{"12.345,67", 12345.67, false, ""},
		{"1.200", 1200, false, ""},
		{"1.234.567", 1234567, false, ""},
		{"2,5", 2.5, false, ""},
		{"0,125", 0.125, false, ""},
		{"1234,567", 1234.567, false, ""},
		{"45000 €", 45000, false, ""},
		{"-3", -3, false, ""},
		{"94.000,50", 94000.5, false, ""},
		{"94,000.50", 0, true, "94.000,50"},
		{"1,000", 0, true, "deutsch gelesen 1,000, englisch gelesen 1.000"},
		{"12,345", 0, true, "englisch gelesen 12.345"},
		{"1,000,000", 0, true, "1.000.000"},
		{"99.5", 0, true, "99,5"},
		{"0.125", 0, true, "0,125"},
		{"1.23.4", 0, false, "keine Zahl"},
		{"1e300", 0, false, "keine Zahl"},
		{"zwölf", 0, false, "keine Zahl"},
		{"12345678901234567890", 0, false, "zu viele Stellen"},
		{"", 0, false, "leer"},
	}
	for _, c := range cases {
		got, err := ParseGermanNumber(c.in)
		var ne *NumberError
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q = %v, %v; want %v", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one with %q", c.in, err, c.err)
		case c.err != "" && errors.As(err, &ne) && ne.Ambiguous != c.ambiguous:
			t.Errorf("%q: ambiguous %v, want %v", c.in, ne.Ambiguous, c.ambiguous)
		}
	}
}

var (
	fuzzGerman    = regexp.MustCompile(`^-?([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?$`)
	fuzzAmbiguous = regexp.MustCompile(`^-?([1-9]\d{0,2},\d{3}|\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,})$`)
)

// FuzzParseGermanNumber: never a panic; an accepted number is exactly its
// German reading; input that reads two ways is always refused.
func FuzzParseGermanNumber(f *testing.F) {
	for _, s := range []string{"12.345,67", "1,000", "94,000.50", "99.5", "0,5", "-1.000", "1.2.3", "€", "1e5", "١٢٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseGermanNumber(s)
		t2 := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "€"))
		t2 = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(t2)
		if fuzzAmbiguous.MatchString(t2) && err == nil {
			t.Fatalf("%q reads two ways but was taken as %v", s, v)
		}
		if err != nil {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Msg == "" {
				t.Fatalf("%q: error without a German message: %v", s, err)
			}
			return
		}
		if !fuzzGerman.MatchString(t2) {
			t.Fatalf("%q is not German notation but was taken as %v", s, v)
		}
		german := strings.Replace(strings.ReplaceAll(t2, ".", ""), ",", ".", 1)
		want, perr := strconv.ParseFloat(german, 64)
		if perr != nil || math.IsInf(v, 0) || math.IsNaN(v) || v != want {
			t.Fatalf("%q = %v, the German reading is %v (%v)", s, v, want, perr)
		}
	})
}
