package store

import (
	"errors"
	"fmt"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// view and update run one bbolt transaction and turn everything that can
// go wrong in it into the package's German errors.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.withDB(OpOpen, func(db *bolt.DB) error { return db.View(fn) })
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return &ReadOnlyError{Path: s.path}
	}
	err := s.withDB(OpWrite, func(db *bolt.DB) error { return db.Update(fn) })
	var fe *FileError
	if errors.As(err, &fe) {
		s.reset()
	}
	return err
}

// withDB runs fn on the open bbolt handle, reopening it first when a failed
// commit left none.
func (s *Store) withDB(op string, fn func(db *bolt.DB) error) error {
	s.dbMu.RLock()
	db := s.db
	if db == nil {
		s.dbMu.RUnlock()
		if err := s.reopen(); err != nil {
			return err
		}
		s.dbMu.RLock()
		db = s.db
	}
	defer s.dbMu.RUnlock()
	if db == nil {
		return &FileError{Path: s.path, Op: op, Err: berrors.ErrDatabaseNotOpen}
	}
	return s.guard(op, func() error { return fn(db) })
}

// reset closes and reopens the bbolt handle after a commit failed in a
// write or fsync. bbolt rolls back its memory then, but what reached the
// file is unknown: a meta page that was written and not synced is read
// back through the mapping and would point to pages the rolled-back
// freelist hands out again. Reopening reads the state from the file, as
// a restart would. If the reopen fails, the next operation tries again.
func (s *Store) reset() {
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	if s.db == nil {
		return
	}
	_ = s.db.Close()
	s.db = nil
	s.openLocked()
}

// reopen opens the handle if it is missing (after a failed reset).
func (s *Store) reopen() error {
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	if s.closed {
		return &FileError{Path: s.path, Op: OpOpen, Err: berrors.ErrDatabaseNotOpen}
	}
	if s.db != nil {
		return nil
	}
	return s.openLocked()
}

func (s *Store) openLocked() error {
	return s.guard(OpOpen, func() error {
		db, err := bolt.Open(s.path, 0o600, s.bopts)
		if errors.Is(err, berrors.ErrTimeout) {
			return &InUseError{Path: s.path}
		}
		if err == nil {
			s.db = db
		}
		return err
	})
}

// callerPanic marks a panic raised by a caller's callback (Update's fn):
// that is a bug in the caller, not a damaged file, so it is re-raised.
type callerPanic struct{ v any }

// guard recovers panics from reading damaged pages (bbolt panics on
// inconsistent pages; with SetPanicOnFault a fault in the mapped file
// becomes a panic too) and reports them as a CorruptError.
func (s *Store) guard(op string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if cp, ok := r.(callerPanic); ok {
				panic(cp.v)
			}
			err = &CorruptError{Path: s.path, Detail: fmt.Sprintf("beschädigte Seite: %v", r)}
		}
	}()
	return s.mapErr(op, fn())
}

// mapErr keeps our own errors and domain errors as they are and wraps
// operating-system and bbolt errors.
func (s *Store) mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var (
		nf *NotFoundError
		ce *CorruptError
		fe *FileError
	)
	switch {
	case errors.As(err, &nf), errors.As(err, &ce), errors.As(err, &fe):
		return err
	case errors.Is(err, berrors.ErrDatabaseReadOnly), errors.Is(err, berrors.ErrTxNotWritable):
		return &ReadOnlyError{Path: s.path}
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return &CorruptError{Path: s.path, Detail: "ungültige Datenbankstruktur"}
	case isDiskFull(err), isReadOnly(err), isOSError(err):
		return &FileError{Path: s.path, Op: op, Err: err}
	}
	return err
}

// corrupt reports stored bytes that cannot be decoded.
func (s *Store) corrupt(what string, err error) error {
	return &CorruptError{Path: s.path, Detail: fmt.Sprintf("%s nicht lesbar: %v", what, err)}
}
