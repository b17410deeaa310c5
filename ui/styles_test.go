package ui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Over SSH each connection renders for its own terminal: styles built for
// a 256-colour renderer colour their text although this process's own
// renderer (ASCII in the tests) would not, and so do the form themes.
func TestStylesFollowTheirRenderer(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	st := NewStylesFor(r, DefaultPalette())
	for name, out := range map[string]string{
		"Accent":          st.Accent.Render("x"),
		"NewStyle":        st.NewStyle().Foreground(st.Palette.Bad).Render("x"),
		"huh title":       st.HuhTheme().Focused.Title.Render("x"),
		"huh option":      st.HuhTheme().Focused.Option.Render("x"),
		"huh description": st.HuhTheme().Blurred.Description.Render("x"),
	} {
		if !strings.Contains(out, "\x1b[") {
			t.Errorf("%s: %q has no colour for a 256-colour terminal", name, out)
		}
	}
	if out := NewStyles(DefaultPalette()).Accent.Render("x"); out != "x" {
		t.Errorf("the default styles render %q in the tests' ASCII profile, want plain x", out)
	}
}

// The presenter view's styles have no grey secondary text, and belong to
// the same output as the styles they come from.
func TestPresentStylesHighContrast(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	st := NewStylesFor(r, DefaultPalette())
	p := st.Present()
	if p != st.Present() {
		t.Error("Present builds new styles on every call")
	}
	if p.Muted.Render("x") != p.Text.Render("x") {
		t.Errorf("muted %q differs from text %q in the presenter view", p.Muted.Render("x"), p.Text.Render("x"))
	}
	if st.Muted.Render("x") == st.Text.Render("x") {
		t.Error("the normal styles lost their muted colour")
	}
	if !strings.Contains(p.Text.Render("x"), "38;2;255;255;255") {
		t.Errorf("presenter text %q is not white on the dark background", p.Text.Render("x"))
	}
}

// Resolving the palette once per output prints exactly the colours the
// adaptive hex colours would, on light and dark backgrounds and at every
// colour depth.
func TestPaletteResolvedOnce(t *testing.T) {
	p := DefaultPalette()
	for _, prof := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(prof)
			r.SetHasDarkBackground(dark)
			st := NewStylesFor(r, p)
			for name, c := range map[string][2]lipgloss.TerminalColor{
				"Fg": {p.Fg, st.Palette.Fg}, "Muted": {p.Muted, st.Palette.Muted}, "Accent": {p.Accent, st.Palette.Accent},
				"Border": {p.Border, st.Palette.Border}, "Bad": {p.Bad, st.Palette.Bad},
			} {
				want := r.NewStyle().Foreground(c[0]).Render("x")
				if got := r.NewStyle().Foreground(c[1]).Render("x"); got != want {
					t.Errorf("profile %v dark %v %s: %q, want %q", prof, dark, name, got, want)
				}
			}
		}
	}
}
