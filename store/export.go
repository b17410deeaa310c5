package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// ExportFormat names the JSON exchange format of a session: an object with
// "format": "ikz-session/1", the fields of model.Session ("title",
// "profile", "notes", …) and optionally "snapshots". A file holds one such
// object or an array of them.
const ExportFormat = "ikz-session/1"

// Export is one session with its snapshots, as exported and imported.
type Export struct {
	Session   *model.Session
	Snapshots []Snapshot
}

// Snapshot is a snapshot with its frozen session.
type Snapshot struct {
	SnapshotInfo
	Session *model.Session
}

// Export reads a session and its snapshots in one transaction.
func (s *Store) Export(id string) (*Export, error) {
	var out *Export
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.sessionBucket(tx, id)
		if err != nil {
			return err
		}
		sess, err := s.decode(id, b.Get(keySession))
		if err != nil {
			return err
		}
		sess.ID = id
		frozen := map[string]*model.Session{}
		infos, err := s.readSnapshots(id, b, frozen)
		if err != nil {
			return err
		}
		out = &Export{Session: sess}
		for _, in := range infos {
			frozen[in.ID].ID = id
			out.Snapshots = append(out.Snapshots, Snapshot{SnapshotInfo: in, Session: frozen[in.ID]})
		}
		return nil
	})
	return out, err
}

type exportDoc struct {
	Format string `json:"format"`
	*model.Session
	Snapshots []exportSnapshot `json:"snapshots,omitempty"`
}

type exportSnapshot struct {
	SnapshotInfo
	Session *model.Session `json:"session"`
}

// WriteExport writes docs in the exchange format, indented: one document as
// an object, several as an array.
func WriteExport(w io.Writer, docs ...*Export) error {
	out := make([]exportDoc, len(docs))
	for i, d := range docs {
		out[i] = exportDoc{Format: ExportFormat, Session: d.Session}
		for _, sn := range d.Snapshots {
			out[i].Snapshots = append(out[i].Snapshots, exportSnapshot(sn))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if len(out) == 1 {
		return enc.Encode(out[0])
	}
	return enc.Encode(out)
}

// ParseExport reads a file in the exchange format strictly: unknown fields,
// unknown profile keys, guiding questions or quick-check items, and invalid
// values are errors that name the place. IDs the catalogue has retired
// (model.RetiredIDs) are accepted and upgraded like stored sessions. The
// sessions keep their IDs here; Import assigns new ones.
func ParseExport(data []byte) ([]*Export, error) {
	if len(data) > MaxImportSize {
		return nil, ImportTooLargeError(len(data))
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a UTF-8 byte-order mark, as Windows editors write it
	if err := checkDuplicateKeys(data); err != nil {
		return nil, err
	}
	var root json.RawMessage
	if err := model.DecodeJSON(data, &root); err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(root); len(t) > 0 && t[0] == '[' {
		var items []json.RawMessage
		if err := model.DecodeJSON(data, &items); err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return nil, errors.New("die Liste enthält keine Sitzung")
		}
		out := make([]*Export, len(items))
		for i, it := range items {
			d, err := parseDoc(it)
			if err != nil {
				return nil, fmt.Errorf("Sitzung %d der Liste: %w", i+1, err)
			}
			out[i] = d
		}
		return out, nil
	}
	d, err := parseDoc(root)
	if err != nil {
		return nil, err
	}
	return []*Export{d}, nil
}

// MaxImportSize bounds a file that ParseExport reads: decoding holds it
// several times in memory, and an exported session is rarely above 1 MB.
const MaxImportSize = 16 << 20

// ImportTooLargeError: a file above MaxImportSize (its size in bytes).
type ImportTooLargeError int

func (e ImportTooLargeError) Error() string {
	return fmt.Sprintf("die Datei ist %.1f MB groß; ikz liest höchstens %d MB ein (eine exportierte Sitzung hat meist unter 1 MB) – ist es die richtige Datei?",
		float64(e)/(1<<20), MaxImportSize>>20)
}

// plainSession has the fields of model.Session without its methods, so that
// rawSession can replace the strictly decoded parts.
type plainSession model.Session

type rawSession struct {
	*plainSession
	Profile      *map[string]json.RawMessage `json:"profile"`
	Participants []rawParticipant            `json:"participants"`
}

type rawParticipant struct {
	ID         string                       `json:"id"`
	Name       string                       `json:"name"`
	Profile    map[string]json.RawMessage   `json:"profile"`
	QuickCheck map[string]model.QuickStatus `json:"quick_check"`
	Absent     bool                         `json:"absent"`
	Comments   map[string]string            `json:"comments"`
}

func parseDoc(data []byte) (*Export, error) {
	var doc struct {
		Format *string `json:"format"`
		rawSession
		Snapshots []struct {
			SnapshotInfo
			Session json.RawMessage `json:"session"`
		} `json:"snapshots"`
	}
	doc.plainSession = new(plainSession)
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	if err := checkKeyCase(data, &doc); err != nil {
		return nil, err
	}
	switch {
	case doc.Format == nil:
		return nil, fmt.Errorf("das Feld \"format\" fehlt (erwartet: %q)", ExportFormat)
	case *doc.Format != ExportFormat:
		return nil, fmt.Errorf("unbekanntes Format %q (erwartet: %q)", *doc.Format, ExportFormat)
	}
	sess, err := buildSession(doc.rawSession)
	if err != nil {
		return nil, err
	}
	out := &Export{Session: sess}
	for i, sn := range doc.Snapshots {
		var raw rawSession
		raw.plainSession = new(plainSession)
		if err := decodeStrict(sn.Session, &raw); err != nil {
			return nil, fmt.Errorf("Stand %d: %w", i+1, err)
		}
		if err := checkKeyCase(sn.Session, &raw); err != nil {
			return nil, fmt.Errorf("Stand %d: %w", i+1, err)
		}
		fs, err := buildSession(raw)
		if err != nil {
			return nil, fmt.Errorf("Stand %d: %w", i+1, err)
		}
		out.Snapshots = append(out.Snapshots, Snapshot{SnapshotInfo: sn.SnapshotInfo, Session: fs})
	}
	return out, nil
}

// buildSession checks the parts that plain decoding cannot and upgrades
// retired IDs.
func buildSession(raw rawSession) (*model.Session, error) {
	sess := (*model.Session)(raw.plainSession)
	if raw.Profile == nil {
		return nil, errors.New(`das Feld "profile" fehlt (ein leeres Profil ist {})`)
	}
	if sess.CatalogueVersion > model.CatalogueVersion {
		return nil, fmt.Errorf("mit einer neueren ikz-Version erstellt (Fragenkatalog %d, diese Version kennt bis %d) – bitte ikz aktualisieren",
			sess.CatalogueVersion, model.CatalogueVersion)
	}
	var err error
	if sess.Profile, err = strictProfile(*raw.Profile); err != nil {
		return nil, err
	}
	sess.Participants = nil
	for i, p := range raw.Participants {
		pp, err := strictProfile(p.Profile)
		if err != nil {
			return nil, fmt.Errorf("Teilnehmer %d (%q): %w", i+1, p.Name, err)
		}
		if err := knownIDs("Quick-Check-Punkt", p.QuickCheck, quickKnown); err != nil {
			return nil, fmt.Errorf("Teilnehmer %d (%q): %w", i+1, p.Name, err)
		}
		sess.Participants = append(sess.Participants, model.Participant{ID: p.ID, Name: p.Name, Profile: pp, QuickCheck: p.QuickCheck,
			Absent: p.Absent, Comments: p.Comments})
	}
	if err := knownIDs("Leitfrage", sess.Notes, noteKnown); err != nil {
		return nil, err
	}
	if err := knownIDs("Quick-Check-Punkt", sess.QuickCheck, quickKnown); err != nil {
		return nil, err
	}
	model.Upgrade(sess)
	if err := validateImport(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

// strictProfile decodes current keys with the strict Profile decoder and
// keeps answers to retired keys for model.Upgrade; any other key is an error.
func strictProfile(raw map[string]json.RawMessage) (model.Profile, error) {
	current := map[string]json.RawMessage{}
	retired := model.Profile{}
	for _, k := range sortedKeys(raw) {
		if _, ok := model.ProfileQuestionByKey(k); ok {
			current[k] = raw[k]
		} else if _, ok := model.RetiredIDs[k]; ok {
			if a, ok := model.AnswerFromJSON(raw[k]); ok {
				retired[k] = a
			}
		} else {
			return nil, &model.ProfileError{Key: k, Unknown: true}
		}
	}
	data, err := json.Marshal(current)
	if err != nil {
		return nil, err
	}
	var p model.Profile
	if err := p.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	for k, a := range retired {
		p[k] = a
	}
	return p, nil
}

func noteKnown(id string) bool  { _, _, ok := model.GuidingQuestionByID(id); return ok }
func quickKnown(id string) bool { _, _, ok := model.QuickItemByID(id); return ok }

// knownIDs accepts current and retired IDs.
func knownIDs[V any](what string, m map[string]V, known func(string) bool) error {
	for _, k := range sortedKeys(m) {
		if _, retired := model.RetiredIDs[k]; !known(k) && !retired {
			return fmt.Errorf("unbekannte %s %q", what, k)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// decodeStrict decodes one JSON value, refusing unknown fields, with German
// messages; positions are relative to data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("unbekanntes Feld %s", name)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "Dokument"
		}
		return fmt.Errorf("falscher Typ bei %q (gefunden: %s)", field, te.Value)
	}
	var pe *model.ProfileError
	if errors.As(err, &pe) {
		return pe
	}
	var tpe *time.ParseError
	if errors.As(err, &tpe) {
		return fmt.Errorf("ungültige Zeitangabe %q (erwartet: ISO 8601, z. B. 2026-11-21T10:00:00Z)", tpe.Value)
	}
	if serr := model.DecodeJSON(data, v); serr != nil {
		return serr // syntax errors with line and column
	}
	return err
}

// Import stores sessions in one transaction, all or nothing, each under a
// new ID. It validates everything before writing; missing times become now.
func (s *Store) Import(sessions []*model.Session) ([]string, error) {
	docs := make([]*Export, len(sessions))
	for i, sess := range sessions {
		docs[i] = &Export{Session: sess}
	}
	return s.ImportExports(docs)
}

// ImportExports is Import with snapshots.
func (s *Store) ImportExports(docs []*Export) ([]string, error) {
	for i, d := range docs {
		if d == nil || d.Session == nil {
			return nil, fmt.Errorf("Sitzung %d: leer", i+1)
		}
		if err := validateImport(d.Session); err != nil {
			return nil, fmt.Errorf("Sitzung %d (%q): %w", i+1, d.Session.Title, err)
		}
	}
	ids := make([]string, 0, len(docs))
	err := s.update(func(tx *bolt.Tx) error {
		ids = ids[:0]
		now := s.stamp()
		for _, d := range docs {
			id, err := s.freshID(tx.Bucket(bucketSessions), tx.Bucket(bucketTrash))
			if err != nil {
				return err
			}
			sess := *d.Session
			sess.ID = id
			if sess.Created.IsZero() {
				sess.Created = now
			}
			if sess.Updated.IsZero() {
				sess.Updated = now
			}
			sess.CatalogueVersion = model.CatalogueVersion
			if err := s.put(tx, &sess); err != nil {
				return err
			}
			if err := s.putSnapshots(tx.Bucket(bucketSessions).Bucket([]byte(id)), id, d.Snapshots); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// putSnapshots stores imported snapshots, keeping their IDs where possible
// (reviews refer to them).
func (s *Store) putSnapshots(b *bolt.Bucket, id string, snaps []Snapshot) error {
	if len(snaps) == 0 {
		return nil
	}
	bucket, err := b.CreateBucketIfNotExists(bucketSnapshots)
	if err != nil {
		return err
	}
	for _, sn := range snaps {
		info := sn.SnapshotInfo
		if info.ID == "" || bucket.Get([]byte(info.ID)) != nil {
			if info.ID, err = s.freshID(bucket); err != nil {
				return err
			}
		}
		frozen := model.Session{}
		if sn.Session != nil {
			frozen = *sn.Session
		}
		frozen.ID = id
		raw, err := json.Marshal(&frozen)
		if err != nil {
			return err
		}
		data, err := json.Marshal(snapshotRecord{SnapshotInfo: info, Session: raw})
		if err != nil {
			return err
		}
		if err := bucket.Put([]byte(info.ID), seal(snapshotPlace(id, info.ID), data)); err != nil {
			return err
		}
	}
	return nil
}
