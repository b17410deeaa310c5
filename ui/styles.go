package ui

import (
	"reflect"
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Palette is the small set of semantic colours every style is built from.
// Adaptive colours pick the light or dark variant from the terminal
// background, which Run detects once before the program starts.
type Palette struct {
	Fg     lipgloss.TerminalColor // body text
	Muted  lipgloss.TerminalColor // secondary text: labels, dates
	Faint  lipgloss.TerminalColor // tertiary text: sources, hints
	Accent lipgloss.TerminalColor // headings, the active tab, the cursor
	OnAcc  lipgloss.TerminalColor // text on an Accent background
	Border lipgloss.TerminalColor // frames and rules
	Good   lipgloss.TerminalColor // done, saved
	Warn   lipgloss.TerminalColor // in progress, please check
	Bad    lipgloss.TerminalColor // errors, exclusions
}

// DefaultPalette is a calm blue palette that reads on light and dark
// backgrounds and on a projector.
func DefaultPalette() Palette {
	return Palette{
		Fg:     lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6E6E6"},
		Muted:  lipgloss.AdaptiveColor{Light: "#57606A", Dark: "#A0A7B0"},
		Faint:  lipgloss.AdaptiveColor{Light: "#8C959F", Dark: "#6E7681"},
		Accent: lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#6CB6FF"},
		OnAcc:  lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#0D1117"},
		Border: lipgloss.AdaptiveColor{Light: "#D0D7DE", Dark: "#3D444D"},
		Good:   lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#57D364"},
		Warn:   lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"},
		Bad:    lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#FF7B72"},
	}
}

// HighContrastPalette is for the presenter view: a projector washes out
// greys and thin colours, so secondary text is as strong as the main text,
// frames and empty bar tracks are clearly visible, and colours are
// saturated.
func HighContrastPalette() Palette {
	fg := lipgloss.AdaptiveColor{Light: "#000000", Dark: "#FFFFFF"}
	return Palette{
		Fg:     fg,
		Muted:  fg,
		Faint:  lipgloss.AdaptiveColor{Light: "#24292F", Dark: "#D0D7DE"},
		Accent: lipgloss.AdaptiveColor{Light: "#0033A0", Dark: "#58C4FF"},
		OnAcc:  lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#000000"},
		Border: lipgloss.AdaptiveColor{Light: "#57606A", Dark: "#8B949E"},
		Good:   lipgloss.AdaptiveColor{Light: "#0B6623", Dark: "#5EF07A"},
		Warn:   lipgloss.AdaptiveColor{Light: "#7A4E00", Dark: "#FFD33D"},
		Bad:    lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"},
	}
}

// Styles holds every style of the program. Build it once with NewStyles and
// pass it down; View methods only use these, never lipgloss.NewStyle. With
// NO_COLOR (or in tests with the ASCII profile) colours and attributes
// vanish, so nothing may rely on colour alone: the cursor, the active tab and
// states also carry a character.
type Styles struct {
	Palette Palette
	r       *lipgloss.Renderer // the output the styles render for
	huh     *huh.Theme         // built once by HuhTheme; forms only read it
	present *Styles            // built once by Present

	// Frame
	AppName   lipgloss.Style // "IKZ-Lotse"
	Tagline   lipgloss.Style // the line saying what it is
	Title     lipgloss.Style // a screen or section heading
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Faint     lipgloss.Style
	Accent    lipgloss.Style
	Rule      lipgloss.Style // horizontal separator lines
	TooSmall  lipgloss.Style // "Fenster zu klein"
	Box       lipgloss.Style // the detail panel on wide screens
	Dialog    lipgloss.Style // confirm and rename dialogs
	DialogKey lipgloss.Style // key hints inside dialogs

	// Status line
	Saved lipgloss.Style
	Info  lipgloss.Style
	Error lipgloss.Style
	Warn  lipgloss.Style
	Good  lipgloss.Style

	// Tab bar
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	TabSep    lipgloss.Style

	// Progress
	BarDone lipgloss.Style
	BarTodo lipgloss.Style

	// Session list
	ItemTitle    lipgloss.Style
	ItemDesc     lipgloss.Style
	ItemSelTitle lipgloss.Style
	ItemSelDesc  lipgloss.Style
	ItemCursor   lipgloss.Style
	ItemMatch    lipgloss.Style // filter matches

	Help help.Styles
}

// resolve turns every colour into the one r will actually print: the light
// or dark variant, converted to r's colour depth. termenv converts a hex
// colour to the 256-colour palette by a perceptual search on every render;
// done once here, a frame of the workshop costs a quarter less CPU.
func (p Palette) resolve(r *lipgloss.Renderer) Palette {
	one := func(c lipgloss.TerminalColor) lipgloss.TerminalColor {
		hex := ""
		switch c := c.(type) {
		case lipgloss.AdaptiveColor:
			hex = c.Light
			if r.HasDarkBackground() {
				hex = c.Dark
			}
		case lipgloss.Color:
			hex = string(c)
		default:
			return c
		}
		switch v := r.ColorProfile().Color(hex).(type) {
		case termenv.ANSI256Color:
			return lipgloss.Color(strconv.Itoa(int(v)))
		case termenv.ANSIColor:
			return lipgloss.Color(strconv.Itoa(int(v)))
		case termenv.RGBColor:
			return lipgloss.Color(string(v))
		}
		return lipgloss.NoColor{}
	}
	return Palette{Fg: one(p.Fg), Muted: one(p.Muted), Faint: one(p.Faint), Accent: one(p.Accent), OnAcc: one(p.OnAcc),
		Border: one(p.Border), Good: one(p.Good), Warn: one(p.Warn), Bad: one(p.Bad)}
}

// NewStyles builds all styles from one palette, for this process's terminal.
func NewStyles(p Palette) *Styles { return NewStylesFor(lipgloss.DefaultRenderer(), p) }

// NewStylesFor builds the styles for one output. Over SSH every connection
// has its own terminal, with its own colour depth and background; styles of
// the server's renderer would show the server's (none at all when its
// output is not a terminal).
func NewStylesFor(r *lipgloss.Renderer, p Palette) *Styles {
	p = p.resolve(r)
	s := &Styles{Palette: p, r: r}
	base := r.NewStyle()

	s.AppName = base.Bold(true).Foreground(p.Accent)
	s.Tagline = base.Foreground(p.Muted)
	s.Title = base.Bold(true).Foreground(p.Fg)
	s.Text = base.Foreground(p.Fg)
	s.Muted = base.Foreground(p.Muted)
	s.Faint = base.Foreground(p.Faint)
	s.Accent = base.Foreground(p.Accent)
	s.Rule = base.Foreground(p.Border)
	s.TooSmall = base.Bold(true).Foreground(p.Warn)
	s.Box = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.Dialog = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(1, 2)
	s.DialogKey = base.Bold(true).Foreground(p.Accent)

	s.Saved = base.Foreground(p.Good)
	s.Info = base.Foreground(p.Muted)
	s.Error = base.Bold(true).Foreground(p.Bad)
	s.Warn = base.Foreground(p.Warn)
	s.Good = base.Foreground(p.Good)

	s.Tab = base.Foreground(p.Muted)
	s.TabActive = base.Bold(true).Foreground(p.Accent).Underline(true)
	s.TabSep = base.Foreground(p.Faint)

	s.BarDone = base.Foreground(p.Accent)
	s.BarTodo = base.Foreground(p.Border)

	s.ItemTitle = base.Foreground(p.Fg)
	s.ItemDesc = base.Foreground(p.Muted)
	s.ItemSelTitle = base.Bold(true).Foreground(p.Accent)
	s.ItemSelDesc = base.Foreground(p.Fg)
	s.ItemCursor = base.Bold(true).Foreground(p.Accent)
	s.ItemMatch = base.Underline(true)

	s.Help = help.Styles{
		ShortKey:       base.Foreground(p.Fg).Bold(true),
		ShortDesc:      base.Foreground(p.Muted),
		ShortSeparator: base.Foreground(p.Faint),
		Ellipsis:       base.Foreground(p.Faint),
		FullKey:        base.Foreground(p.Fg).Bold(true),
		FullDesc:       base.Foreground(p.Muted),
		FullSeparator:  base.Foreground(p.Faint),
	}
	return s
}

// Present is the high-contrast variant for the presenter view, for the
// same output.
func (s *Styles) Present() *Styles {
	if s.present == nil {
		s.present = NewStylesFor(s.r, HighContrastPalette())
	}
	return s.present
}

// NewStyle is an empty style for the same output.
func (s *Styles) NewStyle() lipgloss.Style { return s.r.NewStyle() }

// HuhTheme derives the theme of every form from the same palette. It is
// built once: every tab asks for it when a session opens.
func (s *Styles) HuhTheme() *huh.Theme {
	if s.huh == nil {
		s.huh = s.newHuhTheme()
	}
	return s.huh
}

func (s *Styles) newHuhTheme() *huh.Theme {
	p := s.Palette
	t := huh.ThemeBase()

	t.Focused.Base = t.Focused.Base.BorderForeground(p.Accent)
	t.Focused.Card = t.Focused.Base
	t.Focused.Title = t.Focused.Title.Foreground(p.Accent).Bold(true)
	t.Focused.NoteTitle = t.Focused.NoteTitle.Foreground(p.Accent).Bold(true).MarginBottom(1)
	t.Focused.Description = t.Focused.Description.Foreground(p.Muted)
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Foreground(p.Bad)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Foreground(p.Bad)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(p.Accent)
	t.Focused.NextIndicator = t.Focused.NextIndicator.Foreground(p.Accent)
	t.Focused.PrevIndicator = t.Focused.PrevIndicator.Foreground(p.Accent)
	t.Focused.Option = t.Focused.Option.Foreground(p.Fg)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(p.Accent)
	t.Focused.SelectedOption = t.Focused.SelectedOption.Foreground(p.Accent)
	t.Focused.SelectedPrefix = t.Focused.SelectedPrefix.Foreground(p.Good)
	t.Focused.UnselectedOption = t.Focused.UnselectedOption.Foreground(p.Fg)
	t.Focused.UnselectedPrefix = t.Focused.UnselectedPrefix.Foreground(p.Faint)
	t.Focused.FocusedButton = t.Focused.FocusedButton.Foreground(p.OnAcc).Background(p.Accent)
	t.Focused.Next = t.Focused.FocusedButton
	t.Focused.BlurredButton = t.Focused.BlurredButton.Foreground(p.Fg).Background(p.Border)
	t.Focused.TextInput.Cursor = t.Focused.TextInput.Cursor.Foreground(p.Accent)
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Foreground(p.Faint)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(p.Accent)
	t.Focused.TextInput.Text = t.Focused.TextInput.Text.Foreground(p.Fg)

	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.Title = t.Blurred.Title.Foreground(p.Muted).Bold(false)
	t.Blurred.MultiSelectSelector = s.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = s.NewStyle()
	t.Blurred.PrevIndicator = s.NewStyle()

	t.Group.Title = t.Focused.Title
	t.Group.Description = t.Focused.Description
	t.Help = s.Help
	bindStyles(reflect.ValueOf(t).Elem(), s.r) // huh.ThemeBase uses the default renderer
	return t
}

// bindStyles points every lipgloss.Style in v (a struct, walked deeply) to r.
func bindStyles(v reflect.Value, r *lipgloss.Renderer) {
	styleType := reflect.TypeOf(lipgloss.Style{})
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == styleType {
			if v.CanSet() {
				v.Set(reflect.ValueOf(v.Interface().(lipgloss.Style).Renderer(r)))
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				bindStyles(v.Field(i), r)
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			bindStyles(v.Elem(), r)
		}
	}
}
