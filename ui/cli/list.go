package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"ikz/model"
	"ikz/store"
)

func init() {
	Commands["list"] = Command{
		Run:     runList,
		Usage:   "ikz list [--json]",
		Summary: "gespeicherte Sitzungen auflisten, zuletzt geänderte zuerst",
	}
}

const listUsage = `Aufruf: ikz list [--json] [--db PFAD]

  --json      als JSON-Liste (id, title, traeger, land, progress, top_model, updated …)
  --db PFAD   andere Datenbankdatei
`

func runList(env Env, args []string) int {
	fs, db := dbFlags("list", env)
	asJSON := fs.Bool("json", false, "")
	pos, help, err := parseArgs(fs, args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, listUsage)
		return 0
	case err != nil:
		return usageError(env, "list", listUsage, err)
	case len(pos) > 0:
		return usageError(env, "list", listUsage, fmt.Errorf("unerwartetes Argument %q", pos[0]))
	}
	var list []store.Summary
	s, err := openStore(env, *db, false)
	var noDB errNoDB
	switch {
	case errors.As(err, &noDB):
		// nothing saved yet: an empty list, not an error
	case err != nil:
		return fail(env, "list", err)
	default:
		list, err = s.List()
		s.Close()
		if err != nil {
			return fail(env, "list", err)
		}
	}
	w := bufio.NewWriter(env.Stdout)
	if *asJSON {
		err = writeListJSON(w, list)
	} else {
		err = writeListText(w, *db, list, env.Now())
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return fail(env, "list", fmt.Errorf("Ausgabe fehlgeschlagen: %w", err))
	}
	return 0
}

// summaryJSON is one element of "ikz list --json".
type summaryJSON struct {
	ID              string         `json:"id"`
	Title           string         `json:"title"`
	Traeger         string         `json:"traeger"`
	Land            string         `json:"land"`
	Progress        []progressJSON `json:"progress"`
	TopModel        model.ModelID  `json:"top_model"`
	Answered        int            `json:"answered"`
	Updated         time.Time      `json:"updated"`
	OverdueMeasures int            `json:"overdue_measures"`
	Participants    int            `json:"participants"`
}

type progressJSON struct {
	Phase      model.PhaseID `json:"phase"`
	QuickDone  int           `json:"quick_done"`
	QuickTotal int           `json:"quick_total"`
	NotesDone  int           `json:"notes_done"`
	NotesTotal int           `json:"notes_total"`
}

func writeListJSON(w io.Writer, list []store.Summary) error {
	out := make([]summaryJSON, len(list))
	for i, s := range list {
		out[i] = summaryJSON{ID: s.ID, Title: s.Title, Traeger: s.Traeger, Land: s.Land, TopModel: s.TopModel,
			Answered: s.Answered, Updated: s.Updated, OverdueMeasures: s.OverdueMeasures, Participants: s.Participants,
			Progress: make([]progressJSON, len(s.Progress))}
		for j, p := range s.Progress {
			out[i].Progress[j] = progressJSON{p.Phase, p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeListText(w io.Writer, path string, list []store.Summary, now time.Time) error {
	if len(list) == 0 {
		_, err := fmt.Fprintf(w, "Keine Sitzungen in %s.\nStarten Sie „ikz“, um eine anzulegen, oder holen Sie mit „ikz import DATEI“ eine herein.\n", path)
		return err
	}
	overdue := false
	for _, s := range list {
		overdue = overdue || s.OverdueMeasures > 0
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "ID\tTITEL\tSCHULTRÄGER\tLAND\tQUICK-CHECK S·R·V\tLEITFRAGEN\tEMPFEHLUNG\tGEÄNDERT"
	if overdue {
		head += "\tÜBERFÄLLIG"
	}
	fmt.Fprintln(tw, head)
	for _, s := range list {
		var quick []string
		notes, notesTotal := 0, 0
		for _, p := range s.Progress {
			quick = append(quick, fmt.Sprintf("%d/%d", p.QuickDone, p.QuickTotal))
			notes, notesTotal = notes+p.NotesDone, notesTotal+p.NotesTotal
		}
		top := "–"
		if s.Answered > 0 {
			top = modelShort(s.TopModel)
		}
		land := s.Land
		if land == "" {
			land = "–"
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%d/%d\t%s\t%s", s.ID, clip(s.Title, 40), clip(s.Traeger, 28), land,
			strings.Join(quick, " · "), notes, notesTotal, top, germanTime(s.Updated))
		if overdue {
			line += fmt.Sprintf("\t%d", s.OverdueMeasures)
		}
		fmt.Fprintln(tw, line)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d Sitzung(en) in %s (Stand %s).\n", len(list), path, germanTime(now))
	return err
}

// clip shortens s to n runes with an ellipsis, and keeps tabs and line
// breaks in titles from breaking the table.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
