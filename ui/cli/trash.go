package cli

import (
	"fmt"

	"ikz/model"
)

func init() {
	Commands["trash"] = Command{
		Run:     runTrash,
		Usage:   "ikz trash",
		Summary: "gelöschte Sitzungen zeigen (30 Tage wiederherstellbar)",
	}
}

const trashUsage = `Aufruf: ikz trash [--db PFAD]

Zeigt die gelöschten Sitzungen. Sie bleiben 30 Tage im Papierkorb und lassen
sich mit „ikz restore ID“ zurückholen; danach werden sie endgültig gelöscht.
`

func runTrash(env Env, args []string) int {
	fs, db := dbFlags("trash", env)
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, trashUsage)
		return 0
	case err != nil:
		return usageError(env, "trash", trashUsage, err)
	case len(pos) > 0:
		return usageError(env, "trash", trashUsage, fmt.Errorf("unerwartetes Argument %q", pos[0]))
	}
	s, err := openStore(env, *db, false)
	if err != nil {
		return fail(env, "trash", err)
	}
	defer s.Close()
	entries, err := s.Trash()
	if err != nil {
		return fail(env, "trash", err)
	}
	if len(entries) == 0 {
		fmt.Fprintln(env.Stdout, "Der Papierkorb ist leer.")
		return 0
	}
	rows := [][]string{{"ID", "TITEL", "SCHULTRÄGER", "GELÖSCHT", "ENDGÜLTIG WEG AB"}}
	for _, e := range entries {
		rows = append(rows, []string{e.ID, clip(e.Title, 40), clip(e.Traeger, 28),
			germanTime(e.Deleted), e.PurgeAt.Local().Format(model.GermanDateLayout)})
	}
	if err := writeTable(env.Stdout, rows); err != nil {
		return fail(env, "trash", err)
	}
	fmt.Fprintln(env.Stdout, "\nZurückholen mit „ikz restore ID“.")
	return 0
}
