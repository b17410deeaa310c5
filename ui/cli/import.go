package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
)

func init() {
	Commands["import"] = Command{
		Run:     runImport,
		Usage:   "ikz import DATEI...",
		Summary: "Sitzungen aus JSON-Dateien einlesen (alle oder keine)",
	}
}

const importUsage = `Aufruf: ikz import [--db PFAD] DATEI...

Jede DATEI enthält eine Sitzung im Format ikz-session/1 (wie von „ikz export“)
oder eine JSON-Liste solcher Sitzungen; „-“ liest von der Standardeingabe.
Alle Dateien werden zuerst geprüft; eingelesen wird alles oder nichts.
Jede Sitzung bekommt eine neue ID.
`

func runImport(env Env, args []string) int {
	fs, db := dbFlags("import", env)
	files, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, importUsage)
		return 0
	case err != nil:
		return usageError(env, "import", importUsage, err)
	case len(files) == 0:
		return usageError(env, "import", importUsage, errors.New("keine Datei angegeben"))
	}
	// Check everything before touching the database.
	var docs []*store.Export
	for _, f := range files {
		d, err := readExportFile(f)
		if err != nil {
			fmt.Fprintf(env.Stderr, "ikz import: %v\nNichts importiert. Bitte die Datei korrigieren und den Befehl erneut aufrufen.\n", err)
			return 2
		}
		docs = append(docs, d...)
	}
	// Control, escape and bidi characters never reach a terminal or the
	// database: they are removed, and the user is told.
	cleaned := 0
	for _, d := range docs {
		cleaned += model.CleanSession(d.Session)
	}
	s, err := openStore(env, *db, true)
	if err != nil {
		return fail(env, "import", err)
	}
	defer s.Close()
	ids, err := s.ImportExports(docs)
	if err != nil {
		fmt.Fprintf(env.Stderr, "ikz import: %v\nNichts importiert.\n", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "%s importiert nach %s:\n", wording.Plural(len(ids), "Sitzung", "Sitzungen"), s.Path())
	for i, id := range ids {
		fmt.Fprintf(env.Stdout, "  %s  %s\n", id, model.SafeLine(docs[i].Session.Title))
	}
	if cleaned > 0 {
		fmt.Fprintf(env.Stdout, "Hinweis: %d Textfeld(er) enthielten Steuer-, Escape- oder Richtungszeichen; diese Zeichen wurden entfernt.\n", cleaned)
	}
	return 0
}

// readExportFile reads and parses one file; errors name the file (and the
// line and column for JSON syntax errors).
func readExportFile(name string) ([]*store.Export, error) {
	var data []byte
	var err error
	// Read at most one byte more than ParseExport takes: a huge file (or
	// an endless stream) is refused without being held in memory.
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(os.Stdin, store.MaxImportSize+1))
		name = "Standardeingabe"
	} else {
		var f *os.File
		if f, err = os.Open(name); err == nil {
			data, err = io.ReadAll(io.LimitReader(f, store.MaxImportSize+1))
			f.Close()
		}
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("Datei nicht gefunden: %s", name)
	case err != nil:
		return nil, fmt.Errorf("%s kann nicht gelesen werden: %s", name, store.Reason(err))
	}
	docs, err := store.ParseExport(data)
	if err != nil {
		var se *model.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%v", name, se) // "datei.json:3:5: JSON-Syntaxfehler …"
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return docs, nil
}
