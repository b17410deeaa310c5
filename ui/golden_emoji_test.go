package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"ikz/model"
)

// An emoji title (variation selector, ZWJ sequence, CJK) on the start
// screen, the session screen and the presenter view, at 80x24 and 160x45:
// every line must be exactly as wide as the program thinks, or the
// renderer leaves stray characters (see displayText).
func TestGoldenEmojiTitle(t *testing.T) {
	title := "Schul-IT 🏫️ Müritz ❤️ 👩‍💻 中文"
	for _, sz := range [][2]int{{80, 24}, {160, 45}} {
		for _, screen := range []struct {
			name string
			keys []string
			want []string // waited for after each key
		}{
			{"start", nil, nil},
			{"session", []string{"enter"}, []string{"1 Profil"}},
			{"present", []string{"enter", "p"}, []string{"1 Profil", "Landkreis"}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", screen.name, sz[0], sz[1]), func(t *testing.T) {
				sess := &model.Session{Title: title, Traeger: "Landkreis 🌲 Seenplatte", Profile: model.Profile{"bundesland": {"MV"}}}
				st := shStore(t, sess)
				m := New(st, Config{Now: func() time.Time { return shStart.Add(2 * time.Second) }})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(sz[0], sz[1]))
				waitFor(t, tm, "gespeicherte Sitzung")
				for i, k := range screen.keys {
					tm.Send(shKey(k))
					waitFor(t, tm, screen.want[i])
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
				shCheckFits(t, final, sz[0], sz[1])
				for i, l := range strings.Split(final, "\n") {
					if strings.ContainsFunc(l, joinerRune) {
						t.Errorf("line %d keeps a joiner or selector whose width terminals disagree on: %q", i+1, ansi.Strip(l))
					}
				}
				if !strings.Contains(ansi.Strip(final), "🏫") {
					t.Errorf("the title is not shown:\n%s", ansi.Strip(final))
				}
				golden.RequireEqual(t, []byte(final))
			})
		}
	}
}
