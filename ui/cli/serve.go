package cli

import (
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"ikz/store"
	"ikz/ui"
)

func init() {
	Commands["serve"] = Command{
		Run:     runServe,
		Usage:   "ikz serve [OPTIONEN]",
		Summary: "Workshop: die Oberfläche per SSH für mehrere Teilnehmende bereitstellen",
	}
}

const serveUsage = `Aufruf: ikz serve [Optionen]

Stellt IKZ-Lotse per SSH bereit: Teilnehmende verbinden sich mit
  ssh -p PORT RECHNER
melden sich mit dem Workshop-Code als Passwort an und arbeiten alle in
derselben Datenbank; Änderungen erscheinen sofort bei allen.

  --listen ADRESSE         Adresse und Port (Standard 127.0.0.1:23234, nur dieser Rechner)
  --allow-remote           andere Adresse als localhost erlauben (z. B. 0.0.0.0:23234 im Workshop-WLAN)
  --code CODE              Workshop-Code für Teilnehmende (mindestens 8 Zeichen; Standard: zufällig,
                           wird beim Start angezeigt); sie antworten nur für ihre Kommune im Reiter Workshop
  --moderator-code CODE    Code der Moderation (mindestens 8 Zeichen; Standard: zufällig; nicht weitergeben):
                           alle Reiter, gemeinsame Antworten; mit --authorized-keys Angemeldete sind ebenfalls
                           Moderation
  --new-codes              neue zufällige Codes erzeugen (sonst gelten die vom letzten Start weiter; sie
                           liegen geschützt neben der Datenbank in ikz_serve_codes)
  --authorized-keys DATEI  Anmeldung mit SSH-Schlüsseln aus dieser Datei (ohne --code: nur Schlüssel)
  --max-conns N            höchstens N gleichzeitige Verbindungen mit dem Workshop-Code (Standard 30);
                           die Moderation hat 3 Plätze zusätzlich
  --idle DAUER             Verbindung nach DAUER ohne Eingabe trennen (Standard 0 = nie; Beamer und
                           Zuhörende bleiben verbunden, abgebrochene Verbindungen werden ohnehin erkannt)
  --session ID[,ID…]       nur diese Sitzungen zeigen (IDs aus ikz list); sonst sehen alle
                           Verbundenen jede Sitzung der Datenbank
  --db PFAD                andere Datenbankdatei
`

// serveStop delivers the signal that ends the server (tests replace it).
var serveStop = func() (<-chan os.Signal, func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	return ch, func() { signal.Stop(ch) }
}

func runServe(env Env, args []string) int {
	fs, db := dbFlags("serve", env)
	listen := fs.String("listen", ui.DefaultListen, "")
	allowRemote := fs.Bool("allow-remote", false, "")
	code := fs.String("code", "", "")
	modCode := fs.String("moderator-code", "", "")
	newCodes := fs.Bool("new-codes", false, "")
	keys := fs.String("authorized-keys", "", "")
	maxConns := fs.Int("max-conns", 30, "")
	idle := fs.Duration("idle", 0, "")
	only := fs.String("session", "", "")
	pos, help, err := parseArgs(fs, args)
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	bad := func(err error) int { return usageError(env, "serve", serveUsage, err) }
	switch {
	case help:
		fmt.Fprint(env.Stdout, serveUsage)
		return 0
	case err != nil:
		return bad(err)
	case len(pos) > 0:
		return bad(fmt.Errorf("unerwartetes Argument %q", pos[0]))
	case *maxConns < 1:
		return bad(fmt.Errorf("--max-conns muss mindestens 1 sein, nicht %d", *maxConns))
	case *idle < 0:
		return bad(fmt.Errorf("--idle darf nicht negativ sein"))
	}
	if given["code"] {
		if err := ui.CheckCode("--code", *code); err != nil {
			return bad(err)
		}
	}
	if given["moderator-code"] {
		if err := ui.CheckCode("--moderator-code", *modCode); err != nil {
			return bad(err)
		}
	}
	if *code != "" && strings.EqualFold(strings.TrimSpace(*modCode), strings.TrimSpace(*code)) {
		return bad(fmt.Errorf("--moderator-code muss sich vom Workshop-Code unterscheiden"))
	}
	remote := !ui.IsLoopback(*listen)
	if remote && !*allowRemote {
		return bad(fmt.Errorf(
			"%s ist von anderen Rechnern erreichbar; das geht nur mit --allow-remote (oder 127.0.0.1:PORT für diesen Rechner)", *listen))
	}

	// Everything that can fail is checked before the first file is
	// created: a failed start leaves no database, host key or code file.
	if *keys != "" {
		if _, err := os.Stat(*keys); err != nil {
			return fail(env, "serve", fmt.Errorf("Schlüsseldatei %s nicht lesbar: %w – bitte den Pfad bei --authorized-keys prüfen", *keys, err))
		}
	}
	if strings.TrimSpace(*only) != "" {
		if _, err := os.Stat(*db); err != nil {
			return fail(env, "serve", fmt.Errorf("--session: %w", errNoDB{*db}))
		}
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fail(env, "serve", ui.ListenError(*listen, err))
	}
	defer ln.Close()
	// The listener is ours until Serve takes it; a stop signal from here
	// on ends the command (tests send it early).
	stop, release := serveStop()
	defer release()

	st, err := openStore(env, *db, true)
	if err != nil {
		return fail(env, "serve", err)
	}
	defer st.Close()
	shown, titles, err := sessionsToShow(st, *only)
	if err != nil {
		return fail(env, "serve", err)
	}
	codes, err := serveCodes(st.Path(), *code, *modCode, *keys != "", *newCodes)
	if err != nil {
		return fail(env, "serve", err)
	}

	// Each connection's styles follow its client's terminal (ui.Serve); the
	// few library defaults left on the process's renderer get 256 colours on
	// a dark background. NO_COLOR on the server turns colour off for all.
	noColor := os.Getenv("NO_COLOR") != ""
	if !noColor {
		lipgloss.SetColorProfile(termenv.ANSI256)
	}
	lipgloss.SetHasDarkBackground(true)

	out := env.Stdout
	srv, err := ui.Serve(st, ui.ServeOptions{Listener: ln, Listen: *listen, Code: codes.Workshop, AuthorizedKeys: *keys,
		ModeratorCode: codes.Moderator, MaxConns: *maxConns, Idle: *idle, NoColor: noColor, Sessions: shown, Log: out})
	if err != nil {
		return fail(env, "serve", err)
	}

	if remote {
		fmt.Fprintf(env.Stderr, "ikz serve: WARNUNG – %s ist aus dem Netz erreichbar. Nur in einem vertrauenswürdigen Netz verwenden und den Code nicht weitergeben.\n", *listen)
	}
	fmt.Fprintf(out, "IKZ-Lotse Workshop-Server läuft auf %s (Datenbank %s)\n", srv.Addr(), st.Path())
	// The join line with the LAN address (a host name often does not
	// resolve in a guest Wi-Fi); the user name preselects the municipality.
	fmt.Fprintf(out, "Verbinden:     %s\n", ui.JoinLine(srv.Addr(), ""))
	if codes.Workshop != "" {
		fmt.Fprintf(out, "Workshop-Code: %s   (als Passwort eingeben; Teilnehmende antworten für ihre Kommune)\n", codes.Workshop)
	}
	if codes.Moderator != "" {
		fmt.Fprintf(out, "Moderation:    %s   (nur für die Moderation – nicht zeigen, nicht weitergeben)\n", codes.Moderator)
	}
	if codes.Workshop != "" && !*newCodes {
		fmt.Fprintf(out, "Codes:         bleiben bei einem Neustart gleich; neue mit --new-codes\n")
	}
	if *keys != "" {
		fmt.Fprintf(out, "Schlüssel aus: %s\n", *keys)
	}
	if shown != nil {
		fmt.Fprintf(out, "Freigegeben:   %s\n", strings.Join(titles, "; "))
	} else if _, n, _ := st.ListFirst(0); n > 1 {
		fmt.Fprintf(out, "Hinweis:       Alle %d Sitzungen dieser Datenbank sind für Verbundene sichtbar; nur den Workshop zeigen: --session ID\n", n)
	}
	fmt.Fprintf(out, "Höchstens %d Verbindungen (+%d für die Moderation); Strg+C beendet den Server (alles ist bereits gespeichert).\n",
		*maxConns, ui.DefaultModeratorSlots)
	if *idle > 0 {
		fmt.Fprintf(out, "Verbindungen ohne Eingabe werden nach %s getrennt.\n", *idle)
	}

	<-stop
	fmt.Fprintln(out, "Server wird beendet …")
	closed := make(chan error, 1)
	go func() { closed <- srv.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			return fail(env, "serve", err)
		}
	case <-stop: // a second Strg+C: do not wait for slow clients
	case <-time.After(5 * time.Second):
		fmt.Fprintln(env.Stderr, "ikz serve: nicht alle Verbindungen haben sich in 5 s beendet – Server wird trotzdem beendet")
	}
	return 0
}

// serveCodes settles the codes: given ones win, else those of the last
// start (kept 0600 next to the database, so the code on the flipchart
// keeps working), else new random ones; --new-codes ignores the kept ones.
// keysOnly: with --authorized-keys and no --code nobody logs in by code.
func serveCodes(dbPath, code, modCode string, keys, fresh bool) (ui.Codes, error) {
	path := filepath.Join(filepath.Dir(dbPath), ui.CodesName)
	var kept ui.Codes
	if !fresh {
		var err error
		if kept, err = ui.LoadCodes(path); err != nil {
			return ui.Codes{}, err
		}
	}
	c := ui.Codes{Workshop: strings.TrimSpace(code), Moderator: strings.TrimSpace(modCode)}
	if c.Workshop == "" && !keys {
		c.Workshop = kept.Workshop
	}
	if c.Workshop == "" && !keys {
		w, err := ui.NewWorkshopCode()
		if err != nil {
			return ui.Codes{}, err
		}
		c.Workshop = w
	}
	if c.Workshop != "" && c.Moderator == "" && !strings.EqualFold(kept.Moderator, c.Workshop) {
		c.Moderator = kept.Moderator
	}
	for c.Workshop != "" && (c.Moderator == "" || strings.EqualFold(c.Moderator, c.Workshop)) {
		m, err := ui.NewWorkshopCode()
		if err != nil {
			return ui.Codes{}, err
		}
		c.Moderator = m
	}
	if c != kept && c.Workshop != "" {
		if err := ui.SaveCodes(path, c); err != nil {
			return ui.Codes{}, err
		}
	}
	return c, nil
}

// sessionsToShow parses --session (comma-separated IDs) and checks that
// each exists. nil means every session.
func sessionsToShow(st *store.Store, arg string) (ids, titles []string, err error) {
	if strings.TrimSpace(arg) == "" {
		return nil, nil, nil
	}
	for _, id := range strings.Split(arg, ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		s, err := st.Get(id)
		if err != nil {
			return nil, nil, fmt.Errorf("--session %s: %w", id, err)
		}
		ids = append(ids, id)
		titles = append(titles, fmt.Sprintf("%s (%s)", s.Title, id))
	}
	if len(ids) == 0 {
		return nil, nil, fmt.Errorf("--session ohne ID – ikz list zeigt die IDs")
	}
	return ids, titles, nil
}
