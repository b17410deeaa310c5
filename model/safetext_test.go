package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeText(t *testing.T) {
	tests := []struct {
		name, in, text, line string
	}{
		{"plain German", "Müritzbrück – Schulträger", "Müritzbrück – Schulträger", "Müritzbrück – Schulträger"},
		{"OSC 52 clipboard write", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "a]52;c;ZWNobyBoaQ==b", "a]52;c;ZWNobyBoaQ==b"},
		{"window title", "\x1b]0;pwned\x1b\\x", "]0;pwned\\x", "]0;pwned\\x"},
		{"screen clear", "\x1b[2J\x1b[H", "[2J[H", "[2J[H"},
		{"8-bit CSI", "a\u009b31mb", "a31mb", "a31mb"},
		{"NUL and DEL", "a\x00b\x7fc", "abc", "abc"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba", "abcdcba"},
		{"bidi isolate", "\u2066x\u2069", "x", "x"},
		{"invalid UTF-8", "a\xffb", "ab", "ab"},
		{"newlines and tabs", "a\nb\tc", "a\nb\tc", "a b c"},
		{"CRLF", "a\r\nb\rc", "a\nb\nc", "a  b c"},
		{"emoji with variation selector and ZWJ", "🏫️ 👩‍💻", "🏫️ 👩‍💻", "🏫️ 👩‍💻"},
		{"BOM", "\ufeffTitel", "Titel", "Titel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeText(tt.in); got != tt.text {
				t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := SafeLine(tt.in); got != tt.line {
				t.Errorf("SafeLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

func FuzzSafeText(f *testing.F) {
	for _, s := range []string{"", "a\x1b[31mb", "\u202e", "x\x00", "\xff\xfe", "ok\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{SafeText(s), SafeLine(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", s)
			}
			for _, r := range out {
				if UnsafeRune(r) || r == '\r' {
					t.Fatalf("unsafe rune %U survived in %q", r, out)
				}
			}
			if SafeText(out) != out && out == SafeText(s) {
				t.Fatalf("SafeText not idempotent on %q", s)
			}
		}
		if strings.ContainsAny(SafeLine(s), "\n\t") {
			t.Fatalf("SafeLine kept a line break: %q", SafeLine(s))
		}
	})
}
