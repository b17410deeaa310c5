// Command ikz is IKZ-Lotse, a terminal decision assistant for school
// authorities weighing inter-municipal cooperation in school IT.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"ikz/store"
	"ikz/ui"
	"ikz/ui/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the global flags, then dispatches to a subcommand or starts
// the interactive app. It returns the process exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ikz", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbFlag := fs.String("db", "", "")
	accessible := fs.Bool("accessible", false, "")
	present := fs.Bool("present", false, "")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	version := fs.Bool("version", false, "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "ikz: %s\nHilfe: ikz --help\n", germanFlagError(err))
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, cli.Version())
		return 0
	}
	dbPath, note, err := store.ResolvePathNote(*dbFlag)
	if note != "" {
		fmt.Fprintln(stderr, note) // the database was moved to its new place (Windows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ikz: Datenverzeichnis nicht gefunden: %v\nBitte mit --db PFAD eine Datenbank angeben.\n", err)
		return 1
	}
	if *help {
		printHelp(stdout, dbPath)
		return 0
	}
	env := cli.Env{Stdout: stdout, Stderr: stderr, DBPath: dbPath, Now: time.Now}
	if rest := fs.Args(); len(rest) > 0 {
		cmd, ok := cli.Commands[rest[0]]
		if !ok {
			fmt.Fprintf(stderr, "ikz: unbekannter Befehl %q. Verfügbar: %s\nHilfe: ikz --help\n", rest[0], strings.Join(cli.Names(), ", "))
			return 2
		}
		return cmd.Run(env, rest[1:])
	}
	err = ui.Run(ui.Options{
		DBPath:     dbPath,
		Accessible: *accessible || envOn("ACCESSIBLE"),
		Present:    *present,
	})
	var sig ui.SignalError
	switch {
	case errors.Is(err, ui.ErrInterrupted):
		return 130
	case errors.As(err, &sig):
		return sig.ExitCode()
	case err != nil:
		fmt.Fprintf(stderr, "ikz: %v\n", err)
		return 1
	}
	return 0
}

// envOn reports whether an on/off environment variable is set to something
// other than "", "0" or "false".
func envOn(name string) bool {
	v := strings.ToLower(strings.TrimSpace(os.Getenv(name)))
	return v != "" && v != "0" && v != "false"
}

func germanFlagError(err error) string {
	msg := err.Error()
	if errors.Is(err, flag.ErrHelp) {
		return "Hilfe angefordert"
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "unbekannte Option " + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "Option " + name + " braucht einen Wert"
	}
	return msg
}

func printHelp(w io.Writer, dbPath string) {
	fmt.Fprintf(w, `IKZ-Lotse – Entscheidungshilfe für die interkommunale Zusammenarbeit in der Schul-IT

Aufruf:
  ikz [--db PFAD] [--accessible] [--present]   interaktiver Quick-Check
  ikz [--db PFAD] BEFEHL [ARGUMENTE]

Befehle:
`)
	for _, n := range cli.Names() {
		c := cli.Commands[n]
		fmt.Fprintf(w, "  %-38s %s\n", c.Usage, c.Summary)
	}
	fmt.Fprintf(w, `
Optionen:
  --db PFAD       Datenbankdatei (sonst $%s, sonst Standardpfad)
  --accessible    Bildschirmleser-Modus: einfache Abfragen Zeile für Zeile (auch ACCESSIBLE=1)
  --present       Präsentationsansicht für den Beamer
  --version       Version anzeigen
  -h, --help      diese Hilfe

Datenbank: %s
`, store.EnvDB, dbPath)
}
