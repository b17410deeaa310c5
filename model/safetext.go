package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeText is the one rule for text that came from a person or a file and
// will reach a terminal, a screen reader or a report: it keeps printable
// characters, newlines and tabs, and drops everything a terminal would
// interpret — C0/C1 controls (ESC, CSI, OSC starters, NUL, DEL), bidi
// overrides and isolates (they reorder what a reader sees), byte-order marks
// inside text and invalid UTF-8. Zero-width joiners and variation selectors
// stay: they belong to emoji and are harmless.
func SafeText(s string) string {
	if isSafe(s, true) {
		return s
	}
	return clean(s, true)
}

// SafeLine is SafeText for one-line fields (titles, names): line breaks and
// tabs become single spaces.
func SafeLine(s string) string {
	if isSafe(s, false) {
		return s
	}
	return clean(s, false)
}

// UnsafeRune reports whether r is dropped by SafeText.
func UnsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f: // C0 controls and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls (8-bit CSI, OSC, ...)
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM, RLM, ALM
		return true
	case r == 0xfeff: // byte-order mark / zero-width no-break space
		return true
	case r == utf8.RuneError:
		return true
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation controls
		return true
	case unicode.Is(unicode.Co, r): // private use: renders as garbage
		return true
	}
	return false
}

func isSafe(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		if UnsafeRune(r) || (!multiline && (r == '\n' || r == '\t')) {
			return false
		}
		i += n
	}
	return true
}

func clean(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n <= 1 {
			continue
		}
		if r == '\r' {
			if multiline {
				// CR LF and lone CR both mean a line break to the writer.
				if i < len(s) && s[i] == '\n' {
					continue
				}
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			continue
		}
		if !multiline && (r == '\n' || r == '\t') {
			b.WriteByte(' ')
			continue
		}
		if UnsafeRune(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
