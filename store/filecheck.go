package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"syscall"
)

// checkFile looks at an existing file before bbolt maps it. bbolt trusts
// its meta page: on a truncated file it reads pages past the end of the
// mapping and the process dies with SIGBUS, on a foreign file it reports
// only "invalid database", and it follows whatever page tree the meta page
// points to. So we read the two meta pages ourselves (layout of
// go.etcd.io/bbolt/internal/common/meta.go), refuse anything bbolt could not
// open safely; the page tree is walked once the file is locked
// (checkStructure). A missing file is
// fine: bbolt creates a new database there. An empty file is refused: it
// may be what is left of a database, and bbolt would write a new one over it.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &FileError{Path: path, Op: OpOpen, Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return &FileError{Path: path, Op: OpOpen, Err: err}
	}
	if fi.IsDir() {
		return &FileError{Path: path, Op: OpOpen, Err: &os.PathError{Op: "open", Path: path, Err: syscall.EISDIR}}
	}
	if !fi.Mode().IsRegular() {
		return &CorruptError{Path: path, Detail: "das ist keine gewöhnliche Datei"}
	}
	if fi.Size() == 0 {
		return &EmptyFileError{Path: path}
	}
	m, err := currentMeta(f)
	if err != nil {
		return &CorruptError{Path: path, Detail: err.Error()}
	}
	if need := int64(m.pgid) * int64(m.pageSize); fi.Size() < need {
		return &CorruptError{Path: path, Detail: fmt.Sprintf("die Datei ist abgeschnitten: %d statt mindestens %d Bytes", fi.Size(), need)}
	}
	if m.root >= m.pgid || (m.freelist >= m.pgid && m.freelist != noFreelist) {
		return &CorruptError{Path: path, Detail: "der Dateikopf zeigt auf Seiten außerhalb der Datei"}
	}
	// bbolt reads these two pages while opening, where a panic would leave
	// the file locked until the process ends.
	if !pageIs(f, m, m.root, branchPage|leafPage) || (m.freelist != noFreelist && !pageIs(f, m, m.freelist, freelistPage)) {
		return &CorruptError{Path: path, Detail: "die Wurzel- oder Freispeicherseite ist beschädigt"}
	}
	return nil
}

// currentMeta reads both meta pages and returns the one bbolt would use.
// Every commit rewrites one of the two, so in a sound file both are valid;
// one that is not means damage, and bbolt would silently fall back to the
// other, possibly older state. That is refused too.
func currentMeta(f *os.File) (meta, error) {
	fi, err := f.Stat()
	if err != nil {
		return meta{}, err
	}
	size := fi.Size()
	m0, err0 := readMeta(f, 0)
	// The second meta page sits one page in; without a valid first page we
	// try the page sizes bbolt itself tries (1 KiB … 16 MiB).
	var m1 meta
	err1 := errNoMeta
	if err0 == nil {
		m1, err1 = readMeta(f, int64(m0.pageSize))
	} else {
		for i := 0; i <= 14 && err1 != nil; i++ {
			if pos := int64(1024) << i; pos < size {
				m1, err1 = readMeta(f, pos)
			}
		}
	}
	switch {
	case err0 == nil && err1 == nil:
		if m1.txid > m0.txid {
			return m1, nil
		}
		return m0, nil
	case notBolt(err0) && notBolt(err1):
		return meta{}, errors.New("das ist keine Datenbankdatei")
	case size < 2*1024:
		return meta{}, errors.New("die Datei ist abgeschnitten")
	}
	return meta{}, errors.New("der Dateikopf ist beschädigt")
}

// Page flags of bbolt (internal/common/page.go).
const (
	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
)

// pageIs reports whether page id carries one of the flags.
func pageIs(r io.ReaderAt, m meta, id uint64, flags uint16) bool {
	var h [pageHeader]byte
	if _, err := r.ReadAt(h[:], int64(id)*int64(m.pageSize)); err != nil {
		return false
	}
	le := binary.NativeEndian
	return le.Uint64(h[0:]) == id && le.Uint16(h[8:])&flags != 0
}

func notBolt(err error) bool { return errors.Is(err, errNotBolt) || errors.Is(err, errNoMeta) }

// meta holds the fields of a bbolt meta page that checkFile needs.
type meta struct {
	pageSize             uint32
	root, freelist, pgid uint64
	txid                 uint64
}

const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = 0xffffffffffffffff
	pageHeader  = 16 // id u64, flags u16, count u16, overflow u32
	metaSize    = 56 // magic … txid; the checksum follows
)

var (
	errNotBolt = errors.New("no bbolt magic")
	errNoMeta  = errors.New("no meta page")
)

// readMeta reads and validates the meta page at off, like Meta.Validate.
func readMeta(r io.ReaderAt, off int64) (meta, error) {
	var buf [pageHeader + metaSize + 8]byte
	if _, err := r.ReadAt(buf[:], off); err != nil {
		return meta{}, errNoMeta
	}
	b := buf[pageHeader:]
	le := binary.NativeEndian // bbolt writes its structs in native byte order
	if le.Uint32(b[0:]) != boltMagic {
		return meta{}, errNotBolt
	}
	h := fnv.New64a()
	h.Write(b[:metaSize])
	if le.Uint32(b[4:]) != boltVersion || le.Uint64(b[metaSize:]) != h.Sum64() {
		return meta{}, errors.New("bad meta page")
	}
	m := meta{
		pageSize: le.Uint32(b[8:]),
		root:     le.Uint64(b[16:]),
		freelist: le.Uint64(b[32:]),
		pgid:     le.Uint64(b[40:]),
		txid:     le.Uint64(b[48:]),
	}
	if m.pageSize < 512 || m.pageSize > 1<<24 {
		return meta{}, errors.New("bad page size")
	}
	return m, nil
}
