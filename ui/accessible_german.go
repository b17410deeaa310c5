package ui

import (
	"io"
	"regexp"
)

// germanOut translates the few English lines huh's accessible fields print
// (prompts, the "Confirm selection" entry, validation errors) into our own
// German words. huh writes each of them in one Write call.
type germanOut struct{ w io.Writer }

var germanLines = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`Enter a number between 0 and (\d+): `), "Nummer eingeben, um eine Antwort an- oder abzuwählen (0: fertig, bis $1): "},
	{regexp.MustCompile(`Enter a number between (\d+) and (\d+): `), "Bitte eine Nummer von $1 bis $2 eingeben: "},
	{regexp.MustCompile(`There is only one option available; enter the number 1:`), "Es gibt nur eine Möglichkeit – bitte 1 eingeben: "},
	{regexp.MustCompile(`Select up to (\d+) options\.`), "Mehrere Antworten möglich (bis zu $1): jede Nummer schaltet eine an oder aus."},
	{regexp.MustCompile(`0\.   Confirm selection`), "0.   Auswahl bestätigen"},
	{regexp.MustCompile(`You can't select more than (\d+) options\.`), "Mehr als $1 Antworten gehen nicht."},
	{regexp.MustCompile(`Invalid: must be a number between (\d+) and (\d+)`), "Ungültig: bitte eine Nummer von $1 bis $2"},
	{regexp.MustCompile(`Invalid: must be (\d+)`), "Ungültig: bitte $1"},
	{regexp.MustCompile(`invalid input\. please try again`), "Ungültige Eingabe – bitte noch einmal."},
	{regexp.MustCompile(`Input cannot exceed (\d+) characters`), "Höchstens $1 Zeichen"},
	{regexp.MustCompile(`\[y/N\]`), "[j/N]"},
	{regexp.MustCompile(`\[Y/n\]`), "[J/n]"},
}

func (g germanOut) Write(p []byte) (int, error) {
	s := p
	for _, l := range germanLines {
		if l.re.Match(s) {
			s = l.re.ReplaceAll(s, []byte(l.with))
		}
	}
	if _, err := g.w.Write(s); err != nil {
		return 0, err
	}
	return len(p), nil
}
