package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the layout is designed for; below it the program
// shows a friendly note instead of broken output.
const (
	minWidth  = 80
	minHeight = 24
	// wideWidth is where the start screen puts a detail panel next to the list.
	wideWidth = 140
)

// fit cuts s to at most w columns and h lines. The v1 renderer garbles the
// screen when a frame is wider or taller than the terminal, so the root view
// always passes through here.
func fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(displayText(s), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// The one display-width rule. Terminals disagree about the width of some
// emoji: a variation selector (❤️, 🏫️) makes a narrow symbol wide in one
// terminal and not in another; a ZWJ sequence (👩‍💻) is one wide glyph
// where the font joins it and two where it does not; skin tones and keycaps
// likewise. Where the program and the terminal disagree, the renderer
// leaves stray characters at the end of a line. So every line is shown
// without those joiners and selectors – the same symbols, each in the width
// all terminals agree on – and measured with displayWidth. Stored text is
// never changed.
func displayText(s string) string {
	if !strings.ContainsFunc(s, joinerRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if joinerRune(r) {
			return -1
		}
		return r
	}, s)
}

// joinerRune: variation selectors, the zero-width joiner, skin-tone
// modifiers and the combining keycap.
func joinerRune(r rune) bool {
	switch {
	case r == 0xfe0e || r == 0xfe0f, r == 0x200d, r == 0x20e3:
		return true
	case r >= 0x1f3fb && r <= 0x1f3ff:
		return true
	}
	return false
}

// displayWidth is the number of cells s takes on screen (see displayText).
func displayWidth(s string) int { return ansi.StringWidth(displayText(s)) }

// truncate shortens a single line to w columns with an ellipsis.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = displayText(s)
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// fitQuoted shortens a single line to w columns like truncate, but takes
// the room from the first quoted name („…“) so that what follows it – the
// time of a save, "Z stellt wieder her" – stays readable.
func fitQuoted(s string, w int) string {
	if displayWidth(s) <= w {
		return displayText(s)
	}
	open := strings.Index(s, "„")
	end := strings.Index(s[open+1:], "“")
	if open < 0 || end < 0 {
		return truncate(s, w)
	}
	head, name, tail := s[:open+len("„")], s[open+len("„"):open+1+end], s[open+1+end:]
	room := w - displayWidth(head) - displayWidth(tail)
	if room < 4 {
		return truncate(s, w)
	}
	name = strings.TrimSuffix(displayText(name), "…")
	if displayWidth(name) > room {
		name = strings.TrimRight(ansi.Truncate(name, room-1, ""), " ,;:–-") + "…"
	}
	return displayText(head) + name + displayText(tail)
}

// padRight fills s with spaces to w columns (s must not be wider).
func padRight(s string, w int) string {
	if n := w - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// spread puts left and right on one line of width w, right-aligned right;
// left is shortened when both do not fit.
func spread(left, right string, w int) string {
	rw := displayWidth(right)
	if rw >= w {
		return truncate(right, w)
	}
	left = truncate(left, w-rw-1)
	return padRight(left, w-rw) + right
}

// displayZone is the time zone dates are shown in (tests pin it to UTC).
var displayZone = time.Local

// germanDate formats a time as "21.11.2026, 14:03".
func germanDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(displayZone).Format("02.01.2006, 15:04")
}

// clock formats the time of day of a save, "14:03:05".
func clock(t time.Time) string { return t.In(displayZone).Format("15:04:05") }

// bar draws a progress bar of width w for done of total with the given
// characters (styled by the caller).
func bar(done, total, w int) (full, empty string) {
	if w <= 0 {
		return "", ""
	}
	n := 0
	if total > 0 {
		n = done * w / total
	}
	if n > w {
		n = w
	}
	return strings.Repeat("█", n), strings.Repeat("░", w-n)
}

// block makes s exactly w columns wide and h lines high: long lines are
// cut, short ones padded, missing lines added.
func block(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		// truncate and padRight in one measurement: every frame of every
		// connection passes its content through here
		if w <= 0 {
			lines[i] = ""
			continue
		}
		l = displayText(l)
		n := ansi.StringWidth(l)
		if n > w {
			l = ansi.Truncate(l, w, "…")
			n = ansi.StringWidth(l)
		}
		if n < w {
			l += strings.Repeat(" ", w-n)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
