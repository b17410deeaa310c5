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
	return s.guard(OpOpen, func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return &ReadOnlyError{Path: s.path}
	}
	return s.guard(OpWrite, func() error { return s.db.Update(fn) })
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
