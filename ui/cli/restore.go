package cli

import (
	"errors"
	"fmt"
)

func init() {
	Commands["restore"] = Command{
		Run:     runRestore,
		Usage:   "ikz restore ID...",
		Summary: "gelöschte Sitzungen aus dem Papierkorb zurückholen",
	}
}

const restoreUsage = `Aufruf: ikz restore [--db PFAD] ID...

Holt Sitzungen aus dem Papierkorb zurück („ikz trash“ zeigt die IDs).
`

func runRestore(env Env, args []string) int {
	fs, db := dbFlags("restore", env)
	ids, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, restoreUsage)
		return 0
	case err != nil:
		return usageError(env, "restore", restoreUsage, err)
	case len(ids) == 0:
		return usageError(env, "restore", restoreUsage, errors.New("keine ID angegeben"))
	}
	s, err := openStore(env, *db, true)
	if err != nil {
		return fail(env, "restore", err)
	}
	defer s.Close()
	code := 0
	for _, id := range ids {
		if err := s.Restore(id); err != nil {
			code = max(code, fail(env, "restore", err))
			continue
		}
		title := id
		if sess, err := s.Get(id); err == nil {
			title = sess.Title
		}
		fmt.Fprintf(env.Stdout, "Sitzung „%s“ (%s) ist wiederhergestellt.\n", title, id)
	}
	return code
}
