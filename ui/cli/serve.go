package cli

import (
	"fmt"
	"os"
	"os/signal"
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
  --code CODE              Workshop-Code für Teilnehmende (Standard: zufällig, wird beim Start angezeigt);
                           sie antworten nur für ihre Kommune im Reiter Workshop
  --moderator-code CODE    Code der Moderation (Standard: zufällig; nicht weitergeben): alle Reiter,
                           gemeinsame Antworten; mit --authorized-keys Angemeldete sind ebenfalls Moderation
  --authorized-keys DATEI  Anmeldung mit SSH-Schlüsseln aus dieser Datei (ohne --code: nur Schlüssel)
  --max-conns N            höchstens N gleichzeitige Verbindungen (Standard 30)
  --idle DAUER             Verbindung nach DAUER ohne Aktivität trennen (Standard 15m, 0 = nie)
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
	keys := fs.String("authorized-keys", "", "")
	maxConns := fs.Int("max-conns", 30, "")
	idle := fs.Duration("idle", 15*time.Minute, "")
	only := fs.String("session", "", "")
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, serveUsage)
		return 0
	case err != nil:
		return usageError(env, "serve", serveUsage, err)
	case len(pos) > 0:
		return usageError(env, "serve", serveUsage, fmt.Errorf("unerwartetes Argument %q", pos[0]))
	case *maxConns < 1:
		return usageError(env, "serve", serveUsage, fmt.Errorf("--max-conns muss mindestens 1 sein, nicht %d", *maxConns))
	case *idle < 0:
		return usageError(env, "serve", serveUsage, fmt.Errorf("--idle darf nicht negativ sein"))
	}
	remote := !ui.IsLoopback(*listen)
	if remote && !*allowRemote {
		return usageError(env, "serve", serveUsage, fmt.Errorf(
			"%s ist von anderen Rechnern erreichbar; das geht nur mit --allow-remote (oder 127.0.0.1:PORT für diesen Rechner)", *listen))
	}
	if *code == "" && *keys == "" {
		if *code, err = ui.NewWorkshopCode(); err != nil {
			return fail(env, "serve", err)
		}
	}
	if *code != "" && *modCode == "" {
		for *modCode == "" || strings.EqualFold(*modCode, *code) {
			if *modCode, err = ui.NewWorkshopCode(); err != nil {
				return fail(env, "serve", err)
			}
		}
	}
	if *code != "" && strings.EqualFold(strings.TrimSpace(*modCode), strings.TrimSpace(*code)) {
		return usageError(env, "serve", serveUsage, fmt.Errorf("--moderator-code muss sich vom Workshop-Code unterscheiden"))
	}
	idleOpt := *idle
	if idleOpt == 0 {
		idleOpt = -1 // never
	}

	// Each connection's styles follow its client's terminal (ui.Serve); the
	// few library defaults left on the process's renderer get 256 colours on
	// a dark background. NO_COLOR on the server turns colour off for all.
	noColor := os.Getenv("NO_COLOR") != ""
	if !noColor {
		lipgloss.SetColorProfile(termenv.ANSI256)
	}
	lipgloss.SetHasDarkBackground(true)

	st, err := openStore(env, *db, true)
	if err != nil {
		return fail(env, "serve", err)
	}
	defer st.Close()
	shown, titles, err := sessionsToShow(st, *only)
	if err != nil {
		return fail(env, "serve", err)
	}
	srv, err := ui.Serve(st, ui.ServeOptions{Listen: *listen, Code: *code, AuthorizedKeys: *keys, ModeratorCode: *modCode,
		MaxConns: *maxConns, Idle: idleOpt, NoColor: noColor, Sessions: shown})
	if err != nil {
		return fail(env, "serve", err)
	}
	stop, release := serveStop()
	defer release()

	out := env.Stdout
	if remote {
		fmt.Fprintf(env.Stderr, "ikz serve: WARNUNG – %s ist aus dem Netz erreichbar. Nur in einem vertrauenswürdigen Netz verwenden und den Code nicht weitergeben.\n", *listen)
	}
	host, port := hostPort(srv.Addr().String())
	fmt.Fprintf(out, "IKZ-Lotse Workshop-Server läuft auf %s (Datenbank %s)\n", srv.Addr(), st.Path())
	fmt.Fprintf(out, "Verbinden:     ssh -p %s %s\n", port, host)
	if *code != "" {
		fmt.Fprintf(out, "Workshop-Code: %s   (als Passwort eingeben; Teilnehmende antworten für ihre Kommune)\n", *code)
	}
	if *modCode != "" {
		fmt.Fprintf(out, "Moderation:    %s   (nur für die Moderation – nicht zeigen, nicht weitergeben)\n", *modCode)
	}
	if *keys != "" {
		fmt.Fprintf(out, "Schlüssel aus: %s\n", *keys)
	}
	if shown != nil {
		fmt.Fprintf(out, "Freigegeben:   %s\n", strings.Join(titles, "; "))
	} else if _, n, _ := st.ListFirst(0); n > 1 {
		fmt.Fprintf(out, "Hinweis:       Alle %d Sitzungen dieser Datenbank sind für Verbundene sichtbar; nur den Workshop zeigen: --session ID\n", n)
	}
	fmt.Fprintf(out, "Höchstens %d Verbindungen; Strg+C beendet den Server (alles ist bereits gespeichert).\n", *maxConns)

	<-stop
	fmt.Fprintln(out, "Server wird beendet …")
	if err := srv.Close(); err != nil {
		return fail(env, "serve", err)
	}
	return 0
}

// hostPort splits the listen address for the ssh hint; an unspecified host
// is shown as this machine's name.
func hostPort(addr string) (string, string) {
	host, port := addr, ""
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			host, port = addr[:i], addr[i+1:]
			break
		}
	}
	switch host {
	case "", "0.0.0.0", "[::]":
		if h, err := os.Hostname(); err == nil {
			host = h
		}
	}
	return host, port
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
