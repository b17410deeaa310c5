package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"ikz/model"
	"ikz/store"
	"ikz/ui/report"
)

// `ikz kosten ID` shows who pays what (issue 15) – the report's
// Kostenverteilung section – and writes it as CSV for the Kämmerei's
// spreadsheet: `ikz kosten ID -o kosten.csv` (";" between columns, German
// numbers). `ikz export ID --format csv` (or -o x.csv) writes the same file.
func init() {
	Commands["kosten"] = Command{
		Run:     runKosten,
		Usage:   "ikz kosten ID [--csv] [-o DATEI]",
		Summary: "Kostenverteilung je Partner zeigen oder als CSV für die Kämmerei schreiben",
	}
	ExportFormats["csv"] = ExportFormat{Write: writeCostsCSV, Summary: "Kostenverteilung je Partner als CSV („;“, deutsche Zahlen) für die Tabellenkalkulation"}
	formatByExt[".csv"] = "csv"
}

func kostenUsage() string {
	return "Aufruf: ikz kosten ID [--csv] [-o DATEI] [--force] [--db PFAD]\n\n" +
		"Zeigt die Kostenverteilung einer Sitzung: je Schlüssel Anteil und Einsparung jedes Partners,\n" +
		"den besten Grundbetrag, Ausgleichszahlungen und die Annahmen.\n\n" +
		"  --csv      als CSV auf die Standardausgabe („;“, Komma vor den Nachkommastellen)\n" +
		"  -o DATEI   in eine Datei schreiben: .csv für die Tabellenkalkulation, .md als Text\n" +
		"  --force    eine vorhandene Datei überschreiben\n" +
		"  --db PFAD  andere Datenbankdatei\n\n" +
		"Die CSV-Datei lässt sich im Reiter Wirtschaftlichkeit (v, i) wieder einlesen.\n"
}

func runKosten(env Env, args []string) int {
	fs, db := dbFlags("kosten", env)
	asCSV := fs.Bool("csv", false, "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, kostenUsage())
		return 0
	case err != nil:
		return usageError(env, "kosten", kostenUsage(), err)
	case len(pos) != 1:
		return usageError(env, "kosten", kostenUsage(), fmt.Errorf("genau eine Sitzungs-ID angeben (gefunden: %d); „ikz list“ zeigt die IDs", len(pos)))
	}
	toFile := *out != "" && *out != "-"
	if toFile {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".csv":
			*asCSV = true
		case ".md", ".txt":
			if *asCSV {
				return usageError(env, "kosten", kostenUsage(), fmt.Errorf("--csv passt nicht zu %s; bitte einen Dateinamen auf .csv wählen", *out))
			}
		default:
			return usageError(env, "kosten", kostenUsage(), fmt.Errorf("%s: bitte eine Datei auf .csv (Tabellenkalkulation) oder .md (Text) angeben", *out))
		}
		if err := checkOutput(*out, *db, *force); err != nil {
			fmt.Fprintf(env.Stderr, "ikz kosten: %v.\n", err)
			return 2
		}
	}
	s, err := openStore(env, *db, false)
	if err != nil {
		return fail(env, "kosten", err)
	}
	defer s.Close()
	sess, err := s.Get(pos[0])
	if err != nil {
		return fail(env, "kosten", err)
	}
	if err := hasCosts(sess); err != nil {
		return fail(env, "kosten", err)
	}
	if err := sess.Costs.Validate(); err != nil {
		fmt.Fprintf(env.Stderr, "ikz kosten: Achtung, Angaben unvollständig: %v\n", err)
	}
	write := func(w io.Writer) error {
		if *asCSV {
			return model.WriteCostCSV(w, *sess.Costs, sess.Costs.Sheet())
		}
		_, err := io.WriteString(w, report.CostsMarkdown(sess))
		return err
	}
	if !toFile {
		if err := write(env.Stdout); err != nil {
			return fail(env, "kosten", fmt.Errorf("Ausgabe fehlgeschlagen: %w", err))
		}
		return 0
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return fail(env, "kosten", err)
	}
	fmt.Fprintf(env.Stderr, "Kostenverteilung von „%s“ (%d Partner) geschrieben nach %s.\n", model.SafeLine(sess.Title), len(sess.Costs.Partners), *out)
	return 0
}

// hasCosts explains in German when a session has nothing to share yet.
func hasCosts(sess *model.Session) error {
	if sess.Costs == nil || len(sess.Costs.Partners) == 0 {
		return fmt.Errorf("die Sitzung „%s“ hat noch keine Kostenverteilung – im Reiter Wirtschaftlichkeit mit v die Partner eintragen oder eine CSV-Datei einlesen", model.SafeLine(sess.Title))
	}
	return nil
}

// writeCostsCSV is the "csv" format of ikz export.
func writeCostsCSV(w io.Writer, doc *store.Export) error {
	if doc == nil || doc.Session == nil {
		return errors.New("keine Sitzung")
	}
	if err := hasCosts(doc.Session); err != nil {
		return err
	}
	return model.WriteCostCSV(w, *doc.Session.Costs, doc.Session.Costs.Sheet())
}
