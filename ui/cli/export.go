package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"ikz/model"
	"ikz/store"
)

// ExportFormat writes one session in some format. Other files register
// more formats (e.g. "md", "html") in their init functions.
type ExportFormat struct {
	Write   func(w io.Writer, doc *store.Export) error
	Summary string // German, for the help text
}

// ExportFormats lists the formats of "ikz export --format".
var ExportFormats = map[string]ExportFormat{
	"json": {
		Write:   func(w io.Writer, doc *store.Export) error { return store.WriteExport(w, doc) },
		Summary: "Austauschformat " + store.ExportFormat + " (wieder einlesbar mit „ikz import“)",
	},
}

func init() {
	Commands["export"] = Command{
		Run:     runExport,
		Usage:   "ikz export ID [--format F] [-o DATEI]",
		Summary: "Sitzung exportieren: json (Standard), md oder html (Bericht)",
	}
}

func exportUsage() string {
	var b strings.Builder
	b.WriteString("Aufruf: ikz export ID [--format FORMAT] [-o DATEI] [--force] [--db PFAD]\n\n")
	b.WriteString("  --format   ")
	for i, name := range formatNames() {
		if i > 0 {
			b.WriteString("             ")
		}
		fmt.Fprintf(&b, "%-5s %s\n", name, ExportFormats[name].Summary)
	}
	b.WriteString("  -o DATEI   in eine Datei schreiben statt auf die Standardausgabe; die Endung\n")
	b.WriteString("             (.json, .md, .html, .csv) bestimmt das Format\n")
	b.WriteString("  --force    eine vorhandene Datei überschreiben\n")
	b.WriteString("  --db PFAD  andere Datenbankdatei\n")
	return b.String()
}

func formatNames() []string {
	names := make([]string, 0, len(ExportFormats))
	for n := range ExportFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func runExport(env Env, args []string) int {
	fs, db := dbFlags("export", env)
	format := fs.String("format", "json", "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, exportUsage())
		return 0
	case err != nil:
		return usageError(env, "export", exportUsage(), err)
	case len(pos) != 1:
		return usageError(env, "export", exportUsage(), fmt.Errorf("genau eine Sitzungs-ID angeben (gefunden: %d); „ikz list“ zeigt die IDs", len(pos)))
	}
	if _, ok := ExportFormats[*format]; !ok {
		return usageError(env, "export", exportUsage(), fmt.Errorf("unbekanntes Format %q; möglich: %s", *format, strings.Join(formatNames(), ", ")))
	}
	*format, err = outputFormat(*out, *format, flagSet(fs, "format"))
	if err != nil {
		return usageError(env, "export", exportUsage(), err)
	}
	toFile := *out != "" && *out != "-"
	if toFile {
		if err := checkOutput(*out, *db, *force); err != nil {
			fmt.Fprintf(env.Stderr, "ikz export: %v.\n", err)
			return 2
		}
	}
	s, err := openStore(env, *db, false)
	if err != nil {
		return fail(env, "export", err)
	}
	defer s.Close()
	if isReport(*format) { // md, html: the protocol (export_report.go)
		return exportReport(env, s, pos[0], *format, *out)
	}
	doc, err := s.Export(pos[0])
	if err != nil {
		return fail(env, "export", err)
	}
	write := func(w io.Writer) error { return ExportFormats[*format].Write(w, doc) }
	if !toFile {
		if err := write(env.Stdout); err != nil {
			return fail(env, "export", fmt.Errorf("Ausgabe fehlgeschlagen: %w", err))
		}
		return 0
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return fail(env, "export", err)
	}
	fmt.Fprintf(env.Stderr, "Sitzung „%s“ (%s) exportiert nach %s.\n", model.SafeLine(doc.Session.Title), doc.Session.ID, *out)
	return 0
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
