// Package cli holds the non-interactive commands of ikz (score, list,
// export, import, backup, trash, restore). Each command prints German
// messages and returns a process exit status: 0 ok, 1 failure, 2 invalid
// input or usage.
package cli

import (
	"io"
	"sort"
	"time"
)

// Env is what a command may touch: its output streams, the database path
// chosen by main (flag, IKZ_DB or default) and a clock.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	DBPath string
	Now    func() time.Time
}

// Command runs one subcommand with its arguments (after the command name).
type Command struct {
	Run     func(env Env, args []string) int
	Usage   string // e.g. "ikz score [--json] DATEI"
	Summary string // one German line
}

// Commands lists the subcommands by name.
var Commands = map[string]Command{}

// Names returns the command names, sorted.
func Names() []string {
	out := make([]string, 0, len(Commands))
	for n := range Commands {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
