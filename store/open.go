package store

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultTimeout is how long Open waits for another process to release the
// file before it reports an InUseError.
const DefaultTimeout = time.Second

// Options tune OpenWith. The zero value is what Open uses.
type Options struct {
	Now      func() time.Time // clock for Created, Updated, deletion times; default time.Now
	Timeout  time.Duration    // wait for the file lock; default DefaultTimeout
	ReadOnly bool             // shared lock, no writes (also no migration and no purge)
	NewID    func() string    // IDs of new sessions and snapshots; default 8 random base32 characters

	// OpenFile opens the database file (bbolt's own seam, default
	// os.OpenFile). The fault-injection tests use it to hold the real file
	// descriptor and make its writes and syncs fail.
	OpenFile func(name string, flag int, perm os.FileMode) (*os.File, error)

	// Share lets "ikz list", "export" and "backup" read a consistent copy
	// while this program holds the file (share.go). The app and ikz serve
	// set it.
	Share bool
}

// Store is an open session database. Its methods are safe for concurrent
// use; bbolt runs one writer at a time.
type Store struct {
	// dbMu guards db: every transaction holds it for reading; resetting
	// the handle after a failed commit (tx.go) holds it for writing.
	dbMu     sync.RWMutex
	db       *bolt.DB
	bopts    *bolt.Options
	path     string
	now      func() time.Time
	newID    func() string
	readOnly bool
	closed   bool    // Close was called: no reopening after a failed commit
	sharer   *sharer // answers copy requests of the CLI (share.go)
	copyOf   string  // OpenShared: the temporary copy this store reads
	feed     feed    // change notifications (notify.go)
}

// Open opens (or creates) the database at path with default options.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith opens (or creates) the database at path. It creates the directory
// (0700) and the file (0600) if needed, refuses damaged, foreign and newer
// files without modifying them, and runs pending migrations in one
// transaction. Opening an up-to-date database writes nothing.
func OpenWith(path string, o Options) (*Store, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.NewID == nil {
		o.NewID = randomID
	}
	_, statErr := os.Stat(path)
	existed := statErr == nil
	if o.ReadOnly && !existed {
		return nil, &FileError{Path: path, Op: OpOpen, Err: statErr}
	}
	if !o.ReadOnly {
		if err := ensureDir(filepath.Dir(path)); err != nil {
			return nil, err
		}
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	s := &Store{path: path, now: o.Now, newID: o.NewID, readOnly: o.ReadOnly}
	// PreLoadFreelist also for read-only opens (writable ones always do):
	// otherwise bbolt loads the freelist lazily inside tx.Check, which may
	// go on in the background (checkKeys) while read transactions of the
	// caller read the same field – a data race inside bbolt, seen under
	// -race in TestBitFlipsRefusedOrIdentical.
	s.bopts = &bolt.Options{Timeout: o.Timeout, ReadOnly: o.ReadOnly, OpenFile: o.OpenFile, PreLoadFreelist: true}
	err := s.guard(OpOpen, func() error {
		db, err := bolt.Open(path, 0o600, s.bopts)
		if errors.Is(err, berrors.ErrTimeout) {
			return &InUseError{Path: path}
		}
		s.db = db
		return err
	})
	var inUse *InUseError
	if err != nil {
		if !existed && !errors.As(err, &inUse) {
			_ = os.Remove(path) // leave no half-made file behind (e.g. disk full)
		}
		return nil, err
	}
	if err := s.checkOpened(existed); err != nil {
		_ = s.db.Close()
		return nil, err
	}
	if err := s.prepare(); err != nil {
		_ = s.db.Close()
		if !existed {
			_ = os.Remove(path)
		}
		return nil, err
	}
	if o.Share && !o.ReadOnly {
		s.share()
	}
	return s, nil
}

// ensureDir creates the database directory (0700) if it is missing.
func ensureDir(dir string) error {
	fi, err := os.Stat(dir)
	if err == nil && fi.IsDir() {
		return nil
	}
	if err == nil {
		return &FileError{Path: dir, Op: OpMkdir, Err: syscall.ENOTDIR}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return &FileError{Path: dir, Op: OpMkdir, Err: err}
	}
	return nil
}

// Path returns the file the store uses.
func (s *Store) Path() string { return s.path }

// Close releases the file.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.sharer.stop()
	s.sharer = nil
	if s.copyOf != "" {
		defer os.Remove(s.copyOf)
	}
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	if s.db == nil {
		return nil
	}
	db := s.db
	s.db = nil
	s.closed = true
	return s.mapErr(OpWrite, db.Close())
}

// stamp is the current time as stored: UTC, without monotonic reading.
func (s *Store) stamp() time.Time { return s.now().UTC().Round(0) }
