package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// memo keeps one rendered piece of the screen with the key it was drawn
// for. The tab bar, the phase progress and the help footer look the same
// in most frames – on a workshop server every answer redraws every
// connection's screen, and drawing these lines again cost as much as the
// content – so a frame draws them only when what they show changed.
type memo struct {
	key, val string
	ok       bool
}

func (c *memo) get(key string, draw func() string) string {
	if !c.ok || c.key != key {
		c.key, c.val, c.ok = key, draw(), true
	}
	return c.val
}

// chromeMemo holds the session screen's memoised lines.
type chromeMemo struct {
	tabBar, progress, help memo
}

// bindingsKey is what a help view shows of groups of key bindings: their
// keys, descriptions and whether they are enabled.
func bindingsKey(b *strings.Builder, groups ...[]key.Binding) {
	for _, g := range groups {
		for _, k := range g {
			h := k.Help()
			b.WriteString(strconv.FormatBool(k.Enabled()))
			b.WriteByte(0)
			b.WriteString(h.Key)
			b.WriteByte(0)
			b.WriteString(h.Desc)
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
}

// sizeKey starts a memo key with the screen size.
func sizeKey(b *strings.Builder, w, h int) { fmt.Fprintf(b, "%d×%d|", w, h) }
