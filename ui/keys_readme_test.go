package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"ikz/model"
)

// The README's key table must name every key that a screen's full help
// (?) lists: the start screen and every tab of the session screen, with
// the session's own keys.
func TestReadmeKeyTableMatchesHelp(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := readmeKeyTable(t, string(data))
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(table, -1) {
		for _, k := range keyParts(m[1]) {
			documented[k] = true
		}
	}

	screens := map[string]help.KeyMap{}
	e := newContractEnv(t)
	st := newStartModel(tabDeps{store: e.st, styles: e.d.styles, now: e.d.now})
	screens["Startseite"] = st.keyMap()
	sess := e.sess()
	sess.Decisions = []model.Decision{{Model: "zweckverband", Reason: "x", At: tabClock}}
	m, _ := newSessionModel(e.d, sess)
	m.SetSize(100, 30)
	for i, tb := range m.tabs {
		m.active = i
		screens[m.tabNames()[i]] = m.keyMap() // the Workshop tab too (the session has municipalities)
		_ = tb
	}
	for name, km := range screens {
		for _, col := range km.FullHelp() {
			for _, b := range col {
				for _, k := range keyParts(b.Help().Key) {
					if !documented[k] {
						t.Errorf("%s: key %q (%s) is missing from the README's key table", name, b.Help().Key, b.Help().Desc)
					}
				}
			}
		}
	}
}

// readmeKeyTable is the table under "## Die App".
func readmeKeyTable(t *testing.T, readme string) string {
	i := strings.Index(readme, "| Taste | wirkt |")
	if i < 0 {
		t.Fatal("README has no key table (| Taste | wirkt |)")
	}
	var lines []string
	for _, l := range strings.Split(readme[i:], "\n") {
		if !strings.HasPrefix(l, "|") {
			break
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// keyParts splits a help key like "↑/k" or "1–9" into the names a reader
// looks for.
func keyParts(k string) []string {
	if k == "" {
		return nil
	}
	if a, _, ok := strings.Cut(k, "–"); ok { // a range: 1–8 is documented as `1`–`9`
		return []string{a}
	}
	var out []string
	for _, p := range strings.Split(k, "/") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var _ = key.Binding{}
