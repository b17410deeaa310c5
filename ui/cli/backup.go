package cli

import (
	"fmt"

	"ikz/ui/wording"
)

func init() {
	Commands["backup"] = Command{
		Run:     runBackup,
		Usage:   "ikz backup DATEI",
		Summary: "eine vollständige Sicherung der Datenbank schreiben",
	}
}

const backupUsage = `Aufruf: ikz backup [--force] [--db PFAD] DATEI

Schreibt eine vollständige, in sich stimmige Kopie der Datenbank nach DATEI –
auch während ikz oder ikz serve sie geöffnet hat (dann liefert das laufende
Programm die Kopie). Zurückholen: „ikz --db DATEI“ öffnet die Sicherung
direkt, oder kopieren Sie sie an den Platz der Datenbank.
  --force   eine vorhandene DATEI überschreiben
`

func runBackup(env Env, args []string) int {
	fs, db := dbFlags("backup", env)
	force := fs.Bool("force", false, "")
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, backupUsage)
		return 0
	case err != nil:
		return usageError(env, "backup", backupUsage, err)
	case len(pos) != 1:
		return usageError(env, "backup", backupUsage, fmt.Errorf("genau eine Zieldatei angeben (gefunden: %d)", len(pos)))
	}
	target := pos[0]
	if err := checkOutput(target, *db, *force); err != nil {
		fmt.Fprintf(env.Stderr, "ikz backup: %v.\n", err)
		return 2
	}
	s, err := openStore(env, *db, false)
	if err != nil {
		return fail(env, "backup", err)
	}
	defer s.Close()
	list, err := s.List()
	if err != nil {
		return fail(env, "backup", err)
	}
	if err := s.Backup(target); err != nil {
		return fail(env, "backup", err)
	}
	fmt.Fprintf(env.Stdout, "Sicherung von %s geschrieben: %s (%s, dazu Papierkorb und Stände).\n", s.Path(), target, wording.Plural(len(list), "Sitzung", "Sitzungen"))
	return 0
}
