package store

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

var writeFixture = flag.Bool("write-fixture", false, "rewrite testdata/schema-v1.db")

const fixtureV1 = "testdata/schema-v1.db"

// v1Sessions is the content of the committed fixture, in the JSON that the
// schema-1 layout stored (catalogue version 0). "foerderprogramm" and the
// note "s.alt.frage" are not in today's catalogue; they must survive.
var v1Sessions = map[string]string{
	"aaaaaaaa": `{"id":"aaaaaaaa","title":"Altkreis – erste Sitzung","traeger":"Landkreis Alt",
		"profile":{"bundesland":"NI","traeger":"landkreis","partner_anzahl":5,"laendlich":true,
			"ziele":["servicequalitaet","wirtschaftlichkeit"],"foerderprogramm":"ja"},
		"notes":{"s.bedarf.ziele":"Support für 40 Schulen bündeln","s.alt.frage":"Antwort auf eine alte Frage"},
		"quick_check":{"qc.s1":{"status":"erledigt","note":"Kreistag informiert"}},
		"measures":[{"id":"m1","title":"Bestand erheben","responsible":"IT","indicator":"Liste fertig","due":"2026-01-31","status":"geplant"}],
		"created":"2026-01-05T08:00:00Z","updated":"2026-02-01T10:30:00Z","catalogue_version":0}`,
	"bbbbbbbb": `{"id":"bbbbbbbb","title":"Stadt Beispiel","traeger":"Stadt Beispiel","profile":{},
		"created":"2026-03-01T12:00:00Z","updated":"2026-03-01T12:00:00Z","catalogue_version":0}`,
}

// TestWriteFixture writes the schema-1 fixture with plain bbolt calls, not
// with the store code, so that it stays what version 1 wrote. Run:
//
//	go test ./store -run TestWriteFixture -write-fixture
func TestWriteFixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("use -write-fixture to rewrite " + fixtureV1)
	}
	_ = os.Remove(fixtureV1)
	db, err := bolt.Open(fixtureV1, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("schema_version"), []byte("1")); err != nil {
			return err
		}
		sessions, err := tx.CreateBucket([]byte("sessions"))
		if err != nil {
			return err
		}
		for id, js := range v1Sessions {
			if err := sessions.Put([]byte(id), []byte(js)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFixture(t *testing.T) string {
	t.Helper()
	src, err := os.Open(fixtureV1)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), "alt.db")
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateV1Fixture(t *testing.T) {
	path := copyFixture(t)
	c := newClock()
	s, err := OpenWith(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "bbbbbbbb" || list[1].ID != "aaaaaaaa" {
		t.Fatalf("List = %+v", list)
	}
	if list[1].Land != "NI" || list[1].Traeger != "Landkreis Alt" || list[1].Progress[0].NotesDone != 1 || list[1].Progress[0].QuickDone != 1 {
		t.Errorf("summary = %+v", list[1])
	}
	old, err := s.Get("aaaaaaaa")
	if err != nil {
		t.Fatal(err)
	}
	wantProfile := model.Profile{"bundesland": {"NI"}, "traeger": {"landkreis"}, "partner_anzahl": {"5"},
		"laendlich": {"true"}, "ziele": {"wirtschaftlichkeit", "servicequalitaet"}}
	if !reflect.DeepEqual(old.Profile, wantProfile) {
		t.Errorf("Profile = %v, want %v", old.Profile, wantProfile)
	}
	if r := old.Retired["foerderprogramm"]; r.Kind != model.RetiredProfile || r.Value != "ja" {
		t.Errorf("retired profile answer = %+v", r)
	}
	if r := old.Retired["s.alt.frage"]; r.Kind != model.RetiredNote || r.Value != "Antwort auf eine alte Frage" {
		t.Errorf("retired note = %+v", r)
	}
	if old.Notes["s.bedarf.ziele"] != "Support für 40 Schulen bündeln" || old.QuickCheck["qc.s1"].Note != "Kreistag informiert" ||
		len(old.Measures) != 1 || old.CatalogueVersion != model.CatalogueVersion ||
		!old.Updated.Equal(time.Date(2026, 2, 1, 10, 30, 0, 0, time.UTC)) {
		t.Errorf("migrated session = %+v", old)
	}

	// The migration is written, in the current layout: reopening runs nothing.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	s2, err := OpenWith(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if fileHash(t, path) != before {
		t.Error("opening a current database wrote to it")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v, _ := getInt(meta, keySchema); v != SchemaVersion {
			t.Errorf("schema_version = %d", v)
		}
		if v, _ := getInt(meta, keyCatalogue); v != model.CatalogueVersion {
			t.Errorf("catalogue_version = %d", v)
		}
		for _, b := range [][]byte{bucketSessions, bucketSummaries, bucketTrash, bucketTrashIndex} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
}

func TestMigrationFailureLeavesFileUnchanged(t *testing.T) {
	path := copyFixture(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("sessions")).Put([]byte("kaputt"), []byte("{kein json"))
	})
	db.Close()
	before := fileHash(t, path)
	_, err = Open(path)
	var ce *CorruptError
	if err == nil || !asCorrupt(err, &ce) {
		t.Fatalf("err = %v, want CorruptError", err)
	}
	if fileHash(t, path) != before {
		t.Error("a failed migration changed the file")
	}
}

func asCorrupt(err error, ce **CorruptError) bool {
	e, ok := err.(*CorruptError)
	*ce = e
	return ok
}

func TestReadOnlyRefusesOutdated(t *testing.T) {
	path := copyFixture(t)
	_, err := OpenWith(path, Options{ReadOnly: true})
	if _, ok := err.(*OutdatedError); !ok {
		t.Fatalf("err = %v, want OutdatedError", err)
	}
}

// TestCatalogueUpgradeOnOpen: a database last written under an older
// catalogue is upgraded once on open; answers the catalogue no longer has
// are kept in Retired, in the file, not only in memory.
func TestCatalogueUpgradeOnOpen(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	sess := &model.Session{Title: "Alt", Notes: map[string]string{"s.bedarf.ziele": "bleibt"}}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	old := `{"id":"` + sess.ID + `","title":"Alt","profile":{"bundesland":"NW","entfallen":"x"},
		"notes":{"s.bedarf.ziele":"bleibt","weg.frage":"alte Notiz"},"catalogue_version":0}`
	_ = db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSessions).Bucket([]byte(sess.ID)).Put(keySession, []byte(old)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyCatalogue, []byte("0"))
	})
	db.Close()

	s = reopen(t, s, c)
	s.Close()
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if v, _ := getInt(tx.Bucket(bucketMeta), keyCatalogue); v != model.CatalogueVersion {
			t.Errorf("catalogue_version = %d", v)
		}
		data, err := unseal(sess.ID, tx.Bucket(bucketSessions).Bucket([]byte(sess.ID)).Get(keySession))
		if err != nil {
			t.Fatal(err)
		}
		got, err := model.DecodeSession(data)
		if err != nil {
			t.Fatal(err)
		}
		if got.Retired["entfallen"].Value != "x" || got.Retired["weg.frage"].Value != "alte Notiz" ||
			got.Notes["s.bedarf.ziele"] != "bleibt" || got.Land() != "NW" || got.CatalogueVersion != model.CatalogueVersion {
			t.Errorf("stored after upgrade: %+v", got)
		}
		if _, ok := got.Profile["entfallen"]; ok {
			t.Error("retired key still in the profile")
		}
		return nil
	})
}

// Migration 4 rewrites the summaries of a version-3 file so that the start
// screen and ikz list show the group's decision at once.
func TestMigrateV4SummaryCarriesDecision(t *testing.T) {
	s, path := openTemp(t, newClock())
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { // back to version 3: a summary without the decision
		key := tx.Bucket(bucketSummaryKey).Get([]byte(sess.ID))
		sums := tx.Bucket(bucketSummaries)
		r, err := decodeSummary(sums.Get(key))
		if err != nil {
			return err
		}
		enc := encodeSummary(r)
		v2 := append([]byte{summaryCodecV2}, enc[6:len(enc)-len(appendString(nil, string(r.Decided)))]...)
		if err := sums.Put(key, v2); err != nil {
			return err
		}
		return putInt(tx, keySchema, 3)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = OpenWith(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Decided != sess.Decisions[0].Model {
		t.Fatalf("after migration 4: %+v, want the decision %s", list, sess.Decisions[0].Model)
	}
}
