package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
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
	s, err := openStore(env, *db, false)
	if err != nil {
		return fail(env, "list", err) // also a missing file: a typo in --db must not look like lost data
	}
	list, err := s.List()
	s.Close()
	if err != nil {
		return fail(env, "list", err)
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

// summaryJSON is one element of "ikz list --json" (the shape that
// appendSummaryJSON writes; TestListJSONMatchesEncodingJSON keeps them equal).
type summaryJSON struct {
	ID              string         `json:"id"`
	Title           string         `json:"title"`
	Traeger         string         `json:"traeger"`
	Land            string         `json:"land"`
	Progress        []progressJSON `json:"progress"`
	TopModel        model.ModelID  `json:"top_model"` // "" when none leads (see top_tied)
	TopTied         bool           `json:"top_tied"`  // leaders share the first place: no recommendation yet
	TopCheck        bool           `json:"top_check"` // the leader's legal basis is to be checked
	Decided         model.ModelID  `json:"decided"`   // the group's decision in force, "" when none
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

// writeListJSON writes one object per line. It appends the JSON by hand:
// with 10,000 sessions encoding/json alone took longer than reading the
// database.
func writeListJSON(w io.Writer, list []store.Summary) error {
	if len(list) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	b := make([]byte, 0, 512)
	for i, s := range list {
		b = b[:0]
		if i == 0 {
			b = append(b, "[\n"...)
		}
		b = appendSummaryJSON(b, s)
		if i < len(list)-1 {
			b = append(b, ",\n"...)
		} else {
			b = append(b, "\n]\n"...)
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func appendSummaryJSON(b []byte, s store.Summary) []byte {
	field := func(name string) { b = append(b, ',', '"'); b = append(b, name...); b = append(b, '"', ':') }
	b = append(b, `{"id":`...)
	b = appendJSONString(b, s.ID)
	field("title")
	b = appendJSONString(b, s.Title)
	field("traeger")
	b = appendJSONString(b, s.Traeger)
	field("land")
	b = appendJSONString(b, s.Land)
	field("progress")
	b = append(b, '[')
	for i, p := range s.Progress {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"phase":`...)
		b = appendJSONString(b, string(p.Phase))
		for _, f := range []struct {
			name string
			n    int
		}{{"quick_done", p.QuickDone}, {"quick_total", p.QuickTotal}, {"notes_done", p.NotesDone}, {"notes_total", p.NotesTotal}} {
			field(f.name)
			b = strconv.AppendInt(b, int64(f.n), 10)
		}
		b = append(b, '}')
	}
	b = append(b, ']')
	field("top_model")
	b = appendJSONString(b, string(s.TopModel))
	field("top_tied")
	b = strconv.AppendBool(b, s.TopTied)
	field("top_check")
	b = strconv.AppendBool(b, s.TopCheck)
	field("decided")
	b = appendJSONString(b, string(s.Decided))
	field("answered")
	b = strconv.AppendInt(b, int64(s.Answered), 10)
	field("updated")
	b = append(b, '"')
	b = s.Updated.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	field("overdue_measures")
	b = strconv.AppendInt(b, int64(s.OverdueMeasures), 10)
	field("participants")
	b = strconv.AppendInt(b, int64(s.Participants), 10)
	return append(b, '}')
}

// appendJSONString quotes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and
// U+2029 escaped (as encoding/json does). HTML characters stay as they are.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
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
	head := []string{"ID", "TITEL", "SCHULTRÄGER", "LAND", "QUICK-CHECK S·R·V", "LEITFRAGEN", "EMPFEHLUNG", "GEÄNDERT"}
	if overdue {
		head = append(head, "ÜBERFÄLLIG")
	}
	rows := make([][]string, 0, len(list)+1)
	rows = append(rows, head)
	for _, s := range list {
		var quick []string
		notes, notesTotal := 0, 0
		for _, p := range s.Progress {
			quick = append(quick, strconv.Itoa(p.QuickDone)+"/"+strconv.Itoa(p.QuickTotal))
			notes, notesTotal = notes+p.NotesDone, notesTotal+p.NotesTotal
		}
		top := "–"
		switch {
		case s.Decided != "":
			top = modelShort(s.Decided) + " (Gruppe)"
		case s.Answered == 0:
		case s.TopTied:
			top = model.NoRecommendation
		case s.TopModel != "":
			top = modelShort(s.TopModel)
			if s.TopCheck {
				top += " (" + model.MarkerCheck + ")"
			}
		}
		land := s.Land
		if land == "" {
			land = "–"
		}
		row := []string{s.ID, clip(s.Title, 40), clip(s.Traeger, 28), land, strings.Join(quick, " · "),
			strconv.Itoa(notes) + "/" + strconv.Itoa(notesTotal), top, germanTime(s.Updated)}
		if overdue {
			row = append(row, strconv.Itoa(s.OverdueMeasures))
		}
		rows = append(rows, row)
	}
	if err := writeTable(w, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s in %s (Stand %s).\n", wording.Plural(len(list), "Sitzung", "Sitzungen"), path, germanTime(now))
	return err
}

// writeTable writes rows as columns separated by two spaces. (It replaces
// text/tabwriter, which needed over 100 ms for 10,000 sessions.)
func writeTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b []byte
	for _, r := range rows {
		b = b[:0]
		for i, c := range r {
			b = append(b, c...)
			if i < len(r)-1 {
				for n := utf8.RuneCountInString(c); n < widths[i]+2; n++ {
					b = append(b, ' ')
				}
			}
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// clip shortens s to n runes with an ellipsis, and keeps tabs and line
// breaks in titles from breaking the table.
func clip(s string, n int) string {
	if len(s) <= n && !strings.ContainsAny(s, "\t\n\r\v\f") {
		return s // the common case: short and on one line
	}
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
