package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// checkStructure is the structural check on open. checkFile has read the
// header; walkTree then follows the page tree from the root the way bbolt
// would, but reading the file itself and marking each page it meets: a
// page met twice (a cycle, or two parents), a page both free and in use
// (double allocation), a page out of the file or of the wrong kind is
// reported before bbolt ever follows it. (bbolt's own tx.Check recurses
// without such marks: on a branch page that points to itself it never
// returns.) After bbolt has opened the file, its tx.Check adds the key
// order, bounded in time (checkKeys).

// structureBudget bounds the wait for bbolt's tx.Check on open (see
// keyCheckPages); our walk is linear and cannot loop. A variable so that a
// test can make the check go on in the background, as it does on a busy
// machine.
var structureBudget = 10 * time.Millisecond

// Page layout of bbolt (internal/common/page.go).
const (
	leafElemSize   = 16 // flags u32, pos u32, ksize u32, vsize u32
	bucketHeader   = 16 // root pgid u64, sequence u64
	bucketLeafFlag = 0x01
)

// walkTree checks the page tree of the database in f, whose current meta
// page is m. It reads through a read-only mapping of the file where the
// system has one (mapping_unix.go): 10,000 sessions take a few ms instead
// of the ~70 ms that reading each page took.
func walkTree(f *os.File, m meta) (err error) {
	src, unmap := mapFile(f, int64(m.pgid)*int64(m.pageSize))
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("Seite nicht lesbar: %v", r)
		}
	}()
	w := &walker{f: src, m: m, used: newBits(m.pgid), free: newBits(m.pgid)}
	w.used.set(0)
	w.used.set(1)
	if m.freelist != noFreelist {
		if err := w.readFreelist(); err != nil {
			return err
		}
	}
	stack := []uint64{m.root}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		children, err := w.visit(id)
		if err != nil {
			return err
		}
		stack = append(stack, children...)
	}
	return nil
}

type walker struct {
	f          source
	m          meta
	used, free bits
}

// read returns n bytes at off (only valid during the walk).
func (w *walker) read(off int64, n int) ([]byte, error) { return w.f.bytes(off, n) }

// source gives byte ranges of the file: slices of a mapping or copies.
type source interface {
	bytes(off int64, n int) ([]byte, error)
}

// mapped is a read-only mapping of the file.
type mapped []byte

func (m mapped) bytes(off int64, n int) ([]byte, error) {
	if off < 0 || n < 0 || off+int64(n) > int64(len(m)) {
		return nil, io.ErrUnexpectedEOF
	}
	return m[off : off+int64(n)], nil
}

// reader reads the file where no mapping is available.
type reader struct{ f io.ReaderAt }

func (r reader) bytes(off int64, n int) ([]byte, error) {
	buf := make([]byte, n)
	if _, err := r.f.ReadAt(buf, off); err != nil {
		return nil, err
	}
	return buf, nil
}

// pageInfo is the header of a page and where it ends.
type pageInfo struct {
	id, overflow uint64
	flags        uint16
	count        int
	start, end   int64 // byte range of the page with its overflow pages
}

// page reads the header of page id after checking the bounds.
func (w *walker) page(id uint64, flags uint16) (pageInfo, error) {
	if id < 2 || id >= w.m.pgid {
		return pageInfo{}, fmt.Errorf("Verweis auf Seite %d außerhalb der Datei (%d Seiten)", id, w.m.pgid)
	}
	ps := int64(w.m.pageSize)
	h, err := w.read(int64(id)*ps, pageHeader)
	if err != nil {
		return pageInfo{}, fmt.Errorf("Seite %d nicht lesbar", id)
	}
	le := binary.NativeEndian
	p := pageInfo{id: id, overflow: uint64(le.Uint32(h[12:])), flags: le.Uint16(h[8:]), count: int(le.Uint16(h[10:])), start: int64(id) * ps}
	switch {
	case le.Uint64(h[0:]) != id:
		return pageInfo{}, fmt.Errorf("Seite %d trägt die Nummer %d", id, le.Uint64(h[0:]))
	case p.flags&flags == 0:
		return pageInfo{}, fmt.Errorf("Seite %d hat die falsche Art (%#x)", id, p.flags)
	case id+p.overflow >= w.m.pgid:
		return pageInfo{}, fmt.Errorf("Seite %d reicht über das Dateiende", id)
	}
	p.end = p.start + int64(p.overflow+1)*ps
	return p, nil
}

func (w *walker) readFreelist() error {
	p, err := w.page(w.m.freelist, freelistPage)
	if err != nil {
		return fmt.Errorf("Freispeicherliste: %w", err)
	}
	w.mark(p)
	le := binary.NativeEndian
	n, start := int64(p.count), p.start+pageHeader
	if n == 0xFFFF { // the first element holds the count (freelist.write)
		b, err := w.read(start, 8)
		if err != nil {
			return errors.New("Freispeicherliste nicht lesbar")
		}
		n, start = int64(le.Uint64(b)), start+8
	}
	if n < 0 || n > (p.end-start)/8 {
		return fmt.Errorf("Freispeicherliste mit %d Einträgen passt nicht in ihre Seite", n)
	}
	ids, err := w.read(start, int(8*n))
	if err != nil {
		return errors.New("Freispeicherliste nicht lesbar")
	}
	for i := int64(0); i < n; i++ {
		id := le.Uint64(ids[8*i:])
		switch {
		case id < 2 || id >= w.m.pgid:
			return fmt.Errorf("Freispeicherliste nennt Seite %d außerhalb der Datei", id)
		case w.free.has(id):
			return fmt.Errorf("Seite %d ist doppelt als frei eingetragen", id)
		case w.used.has(id):
			return fmt.Errorf("Seite %d ist zugleich frei und belegt", id)
		}
		w.free.set(id)
	}
	return nil
}

// mark records the pages of p as used.
func (w *walker) mark(p pageInfo) {
	for i := uint64(0); i <= p.overflow; i++ {
		w.used.set(p.id + i)
	}
}

// visit checks one page of the tree and returns the pages it points to.
func (w *walker) visit(id uint64) ([]uint64, error) {
	p, err := w.page(id, branchPage|leafPage)
	if err != nil {
		return nil, err
	}
	for i := uint64(0); i <= p.overflow; i++ {
		switch {
		case w.used.has(id + i):
			return nil, fmt.Errorf("Seite %d wird mehrfach verwendet (Kreis oder doppelter Verweis)", id+i)
		case w.free.has(id + i):
			return nil, fmt.Errorf("Seite %d ist zugleich frei und belegt", id+i)
		}
	}
	w.mark(p)
	const elemSize = 16 // branch: pos, ksize, pgid; leaf: flags, pos, ksize, vsize
	if p.start+pageHeader+int64(p.count)*elemSize > p.end {
		return nil, fmt.Errorf("Seite %d: %d Einträge passen nicht in die Seite", id, p.count)
	}
	elems, err := w.read(p.start+pageHeader, p.count*elemSize)
	if err != nil {
		return nil, fmt.Errorf("Seite %d nicht lesbar", id)
	}
	le := binary.NativeEndian
	var out []uint64
	for i := 0; i < p.count; i++ {
		e := elems[i*elemSize:]
		at := p.start + pageHeader + int64(i*elemSize) // where the element sits; pos counts from here
		if p.flags&branchPage != 0 {
			if at+int64(le.Uint32(e[0:]))+int64(le.Uint32(e[4:])) > p.end {
				return nil, fmt.Errorf("Seite %d, Eintrag %d: Schlüssel reicht über die Seite hinaus", id, i)
			}
			out = append(out, le.Uint64(e[8:]))
			continue
		}
		flags, pos, ksize, vsize := le.Uint32(e[0:]), int64(le.Uint32(e[4:])), int64(le.Uint32(e[8:])), int64(le.Uint32(e[12:]))
		if at+pos+ksize+vsize > p.end {
			return nil, fmt.Errorf("Seite %d, Eintrag %d: Schlüssel oder Wert reicht über die Seite hinaus", id, i)
		}
		if flags&bucketLeafFlag == 0 {
			continue
		}
		v, err := w.read(at+pos+ksize, int(vsize))
		if err != nil {
			return nil, fmt.Errorf("Seite %d nicht lesbar", id)
		}
		root, err := bucketRoot(v)
		if err != nil {
			return nil, fmt.Errorf("Seite %d, Eintrag %d: %w", id, i, err)
		}
		if root != 0 {
			out = append(out, root)
		}
	}
	return out, nil
}

// bucketRoot reads a bucket value: its root page, or 0 for an inline
// bucket, whose leaf page (in the value) is checked here.
func bucketRoot(v []byte) (uint64, error) {
	le := binary.NativeEndian
	if len(v) < bucketHeader {
		return 0, errors.New("Bucket-Kopf zu kurz")
	}
	if root := le.Uint64(v); root != 0 {
		return root, nil
	}
	in := v[bucketHeader:]
	if len(in) < pageHeader || le.Uint16(in[8:]) != leafPage {
		return 0, errors.New("eingebetteter Bucket beschädigt")
	}
	count := int(le.Uint16(in[10:]))
	if pageHeader+count*leafElemSize > len(in) {
		return 0, errors.New("eingebetteter Bucket: Einträge passen nicht hinein")
	}
	for i := 0; i < count; i++ {
		e := pageHeader + i*leafElemSize
		if le.Uint32(in[e:])&bucketLeafFlag != 0 {
			return 0, errors.New("eingebetteter Bucket mit Unter-Bucket")
		}
		if uint64(e)+uint64(le.Uint32(in[e+4:]))+uint64(le.Uint32(in[e+8:]))+uint64(le.Uint32(in[e+12:])) > uint64(len(in)) {
			return 0, errors.New("eingebetteter Bucket: Wert reicht hinaus")
		}
	}
	return 0, nil
}

// bits is a bitmap of page ids.
type bits []uint64

func newBits(n uint64) bits      { return make(bits, (n+63)/64) }
func (b bits) set(i uint64)      { b[i/64] |= 1 << (i % 64) }
func (b bits) has(i uint64) bool { return b[i/64]&(1<<(i%64)) != 0 }

// checkKeys runs bbolt's tx.Check (key order, reachability) on an opened
// store, after walkTree has made sure it cannot loop. It gives up waiting
// after budget: the check then finishes in the background (and releases
// its read transaction), and the file counts as sound, since walkTree has
// found no damage that could hurt.
func (s *Store) checkKeys(budget time.Duration) error {
	tx, err := s.db.Begin(false)
	if err != nil {
		return s.mapErr(OpOpen, err)
	}
	ch := tx.Check(bolt.WithKVStringer(bolt.HexKVStringer()))
	deadline := time.NewTimer(budget)
	defer deadline.Stop()
	var first error
	for {
		select {
		case err, ok := <-ch:
			if !ok {
				_ = tx.Rollback()
				if first != nil {
					return &CorruptError{Path: s.path, Detail: "Struktur beschädigt: " + first.Error()}
				}
				return nil
			}
			if first == nil {
				first = err
			}
		case <-deadline.C:
			go func() {
				for range ch {
				}
				_ = tx.Rollback()
			}()
			return nil
		}
	}
}

// checkOpened runs the structural check right after bbolt has opened (and
// locked) an existing file, before anything follows its page tree.
func (s *Store) checkOpened(existed bool) error {
	if !existed {
		return nil
	}
	return s.checkStructureUpTo(structureBudget, keyCheckPages)
}

// keyCheckPages: bbolt's tx.Check runs on open only for files up to this
// many pages (4 MB at 4 KiB pages; 50 sessions take about 100). On larger
// files it needs longer than structureBudget (14–32 ms for 10,000
// sessions) and would go on using a core in the background while the app
// draws its first screen; our walk, linear and a few ms there, has already
// ruled out what could hurt (cycles, double use, pages out of the file).
const keyCheckPages = 1024

// checkStructure walks the file's page tree, then runs bbolt's check.
func (s *Store) checkStructure(budget time.Duration) error {
	return s.checkStructureUpTo(budget, 1<<62)
}

func (s *Store) checkStructureUpTo(budget time.Duration, maxPages uint64) error {
	f, err := os.Open(s.path)
	if err != nil {
		return &FileError{Path: s.path, Op: OpOpen, Err: err}
	}
	defer f.Close()
	m, err := currentMeta(f)
	if err != nil {
		return &CorruptError{Path: s.path, Detail: err.Error()}
	}
	if err := walkTree(f, m); err != nil {
		return &CorruptError{Path: s.path, Detail: "Struktur beschädigt: " + err.Error()}
	}
	if m.pgid > maxPages {
		return nil
	}
	return s.checkKeys(budget)
}
