package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"ikz/model"
	"ikz/store"
)

// Helpers shared by the commands that work on the session database
// (list, export, import, backup, trash, restore).

// dbFlags is a flag set with the --db option every database command accepts.
func dbFlags(name string, env Env) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs, fs.String("db", env.DBPath, "")
}

// parseArgs parses flags before, between and after the positional
// arguments; everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) (pos []string, help bool, err error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, true, nil
			}
			return nil, false, germanFlagErr(err)
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		pos, rest = append(pos, rest[0]), rest[1:]
	}
	return append(pos, tail...), false, nil
}

// usageError prints a usage problem and returns exit status 2.
func usageError(env Env, cmd, usage string, err error) int {
	fmt.Fprintf(env.Stderr, "ikz %s: %v\n%s", cmd, err, usage)
	return 2
}

// fail prints an error and returns the exit status: 2 when the input was
// wrong (unknown ID, invalid file), 1 when the database or disk failed.
func fail(env Env, cmd string, err error) int {
	fmt.Fprintf(env.Stderr, "ikz %s: %v\n", cmd, err)
	if errors.Is(err, store.ErrNotFound) {
		return 2
	}
	return 1
}

// openStore opens the database for a command. Commands that only read
// (writable false) do not create a missing file, read a copy from a
// running app that holds the file, and fall back to a read-only open when
// the file or disk is write-protected.
func openStore(env Env, path string, writable bool) (*store.Store, error) {
	if !writable {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, errNoDB{path}
		}
		// The app or ikz serve holds the file: read the consistent copy
		// it hands out (store/share.go) instead of waiting for the lock.
		if s, err := store.OpenShared(path, store.Options{Now: env.Now}); !errors.Is(err, store.ErrNotShared) {
			return s, err
		}
	}
	// A writer (import, restore, serve) shares its file in turn while it runs.
	o := store.Options{Now: env.Now, Share: writable}
	s, err := store.OpenWith(path, o)
	var fe *store.FileError
	if err != nil && !writable && errors.As(err, &fe) && fe.Op == store.OpOpen {
		o.ReadOnly = true
		if ro, roErr := store.OpenWith(path, o); roErr == nil {
			return ro, nil
		}
	}
	return s, err
}

// errNoDB: the database file does not exist yet.
type errNoDB struct{ path string }

func (e errNoDB) Error() string {
	return fmt.Sprintf("Die Datenbank %s gibt es nicht. Stimmt der Pfad? Eine neue Datenbank legt „ikz“ beim ersten Start an; "+
		"mit --db geben Sie eine andere Datei an.", e.path)
}

// germanTime shows a time as 21.11.2026 09:30 in local time.
func germanTime(t time.Time) string {
	return t.Local().Format(model.GermanDateLayout + " 15:04")
}

// modelShort is the short German name of a model, "–" for none.
func modelShort(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok {
		return m.Short
	}
	if id == "" {
		return "–"
	}
	return string(id)
}
