package ui

import (
	"bufio"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// codeAlphabet leaves out characters that are easily confused when read
// aloud or from a projector (0/O, 1/I/L).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// CodeLen is the length of generated codes: 8 characters of a 31-letter
// alphabet are 39 bits; at one guess per second per address (the login
// backoff) that is over 8,000 years per address on average.
const CodeLen = 8

// MinCodeLen is the shortest code ikz serve accepts from --code or
// --moderator-code.
const MinCodeLen = 8

// CodesName is the file next to the database that keeps the codes across
// restarts (the one on the flipchart keeps working).
const CodesName = "ikz_serve_codes"

// NewWorkshopCode returns a random code of CodeLen characters.
func NewWorkshopCode() (string, error) {
	b := make([]byte, CodeLen)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
		if err != nil {
			return "", fmt.Errorf("Zufallszahlen nicht verfügbar: %w", err)
		}
		b[i] = codeAlphabet[n.Int64()]
	}
	return string(b), nil
}

// CheckCode refuses a code that is too easy to guess or cannot be typed:
// blank, shorter than MinCodeLen, one repeated character, or containing
// control characters. what names the option in the message.
func CheckCode(what, code string) error {
	c := strings.TrimSpace(code)
	switch {
	case c == "":
		return fmt.Errorf("%s ist leer – ein leerer Code ließe jeden herein", what)
	case strings.ContainsFunc(c, unicode.IsControl):
		return fmt.Errorf("%s enthält Steuerzeichen – bitte nur Buchstaben, Ziffern und Satzzeichen", what)
	case utf8.RuneCountInString(c) < MinCodeLen:
		return fmt.Errorf("%s ist zu kurz (%d Zeichen) – mindestens %d Zeichen, damit er nicht erraten werden kann; ohne Angabe wird ein zufälliger erzeugt",
			what, utf8.RuneCountInString(c), MinCodeLen)
	case oneRune(c):
		return fmt.Errorf("%s besteht aus einem einzigen wiederholten Zeichen – bitte einen schwer zu erratenden Code wählen", what)
	}
	return nil
}

// Codes are the codes of a workshop server.
type Codes struct {
	Workshop  string
	Moderator string
}

// LoadCodes reads the codes kept next to the database. A missing file
// gives empty codes and no error.
func LoadCodes(path string) (Codes, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Codes{}, nil
	}
	if err != nil {
		return Codes{}, fmt.Errorf("Codedatei %s nicht lesbar: %w – mit --new-codes neue Codes erzeugen", path, err)
	}
	defer f.Close()
	var c Codes
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "workshop":
			c.Workshop = strings.TrimSpace(v)
		case "moderator":
			c.Moderator = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return Codes{}, fmt.Errorf("Codedatei %s nicht lesbar: %w – mit --new-codes neue Codes erzeugen", path, err)
	}
	// A damaged or hand-edited file must not weaken the login.
	if c.Workshop != "" && CheckCode("Der gespeicherte Workshop-Code", c.Workshop) != nil ||
		c.Moderator != "" && CheckCode("Der gespeicherte Moderationscode", c.Moderator) != nil {
		return Codes{}, nil
	}
	return c, nil
}

// SaveCodes writes the codes 0600 (they let people in) via a temporary
// file, so a crash never leaves half a file.
func SaveCodes(path string, c Codes) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".codes-*")
	if err != nil {
		return fmt.Errorf("Codedatei %s lässt sich nicht anlegen: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("Codedatei %s lässt sich nicht schützen: %w", path, err)
	}
	_, err = fmt.Fprintf(tmp, "# ikz serve: Codes bleiben über Neustarts gleich; ikz serve --new-codes erzeugt neue\nworkshop=%s\nmoderator=%s\n", c.Workshop, c.Moderator)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("Codedatei %s lässt sich nicht schreiben: %w", path, err)
	}
	return nil
}

// oneRune reports whether s repeats one character (ignoring case).
func oneRune(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if unicode.ToUpper(r) != unicode.ToUpper(first) {
			return false
		}
	}
	return true
}
