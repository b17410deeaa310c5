package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Sharing lets "ikz list", "export" and "backup" work while the app or
// "ikz serve" has the database open. bbolt allows one process at a time
// (an exclusive file lock), and it must stay that way: a second reader
// without the lock could see pages the writer is reusing. So the running
// program answers instead: it listens on a private local socket and sends
// a consistent copy of the whole file, made in one read transaction
// (bbolt's Tx.WriteTo, as Backup does), and the command works on that
// copy. There is still exactly one writer, the copy is a state that was
// committed, and nothing waits for the lock. (Holding the file only for
// the length of each transaction instead would cost a mapping of the whole
// file per keystroke and break the change feed of ikz serve.)
//
// The socket lives in a directory only the user can enter (0700, checked
// on every use) and is itself 0600; its name is derived from the
// database's absolute path.

const shareRequest = "ikz-share/1 copy\n"

// Timeouts of the exchange: connecting and asking are local and quick; the
// copy of a large file may take longer.
const (
	shareDialTimeout = 300 * time.Millisecond
	shareCopyTimeout = 60 * time.Second
)

// ErrNotShared: no running program shares the database.
var ErrNotShared = errors.New("die Datenbank wird von keinem laufenden ikz geteilt")

// sharePath is the socket of the database at path.
func sharePath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	dir, err := shareDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, hex.EncodeToString(sum[:10])+".sock"), nil
}

// sharer serves copies of an open store.
type sharer struct {
	ln   net.Listener
	path string
	wg   sync.WaitGroup
	sem  chan struct{} // at most a few copies at once
}

// share starts answering copy requests for s. Failing to share is not an
// error for the program: the commands then report the file as in use.
func (s *Store) share() {
	path, err := sharePath(s.path)
	if err != nil {
		return
	}
	if c, err := net.DialTimeout("unix", path, shareDialTimeout); err == nil {
		c.Close() // someone answers there already (cannot be: we hold the lock)
		return
	}
	_ = os.Remove(path) // a socket left by a program that died
	ln, err := net.Listen("unix", path)
	if err != nil {
		return
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return
	}
	sh := &sharer{ln: ln, path: path, sem: make(chan struct{}, 4)}
	s.sharer = sh
	sh.wg.Add(1)
	go func() {
		defer sh.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return // closed
			}
			select {
			case sh.sem <- struct{}{}:
			default:
				c.Close() // busy
				continue
			}
			sh.wg.Add(1)
			go func() {
				defer sh.wg.Done()
				defer func() { <-sh.sem }()
				s.serveCopy(c)
			}()
		}
	}()
}

// stop ends sharing and waits for copies in progress.
func (sh *sharer) stop() {
	if sh == nil {
		return
	}
	sh.ln.Close()
	sh.wg.Wait()
	_ = os.Remove(sh.path)
}

// serveCopy answers one request: "ok SIZE\n" and the bytes of a
// consistent copy, or "err MESSAGE\n".
func (s *Store) serveCopy(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
	if err != nil || line != shareRequest {
		return
	}
	_ = c.SetDeadline(time.Now().Add(shareCopyTimeout))
	w := bufio.NewWriterSize(c, 1<<16)
	err = s.view(func(tx *bolt.Tx) error {
		if _, err := fmt.Fprintf(w, "ok %d\n", tx.Size()); err != nil {
			return err
		}
		_, err := tx.WriteTo(w)
		return err
	})
	if err != nil {
		fmt.Fprintf(w, "err %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
	}
	_ = w.Flush()
}

// fetchShared asks the program holding path for a copy and writes it to w.
func fetchShared(path string, w io.Writer) error {
	sock, err := sharePath(path)
	if err != nil {
		return ErrNotShared
	}
	if err := checkShareSocket(sock); err != nil {
		return ErrNotShared
	}
	c, err := net.DialTimeout("unix", sock, shareDialTimeout)
	if err != nil {
		return ErrNotShared
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(shareCopyTimeout))
	if _, err := io.WriteString(c, shareRequest); err != nil {
		return ErrNotShared
	}
	r := bufio.NewReaderSize(c, 1<<16)
	head, err := r.ReadString('\n')
	if err != nil {
		return ErrNotShared
	}
	head = strings.TrimSuffix(head, "\n")
	if msg, ok := strings.CutPrefix(head, "err "); ok {
		return fmt.Errorf("das laufende ikz konnte keine Kopie liefern: %s", msg)
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(head, "ok "), 10, 64)
	if err != nil || !strings.HasPrefix(head, "ok ") || n < 0 {
		return ErrNotShared
	}
	if got, err := io.CopyN(w, r, n); err != nil || got != n {
		return fmt.Errorf("die Kopie vom laufenden ikz kam nicht vollständig an (%d von %d Bytes)", got, n)
	}
	return nil
}

// OpenShared opens a consistent copy of the database at path, fetched from
// the running program that holds it, read-only. The copy lies in a
// private temporary file that Close removes; the store names path in its
// messages. ErrNotShared when no program shares the database.
func OpenShared(path string, o Options) (*Store, error) {
	dir, err := shareDir()
	if err != nil {
		return nil, ErrNotShared
	}
	f, err := os.CreateTemp(dir, "copy-*.db")
	if err != nil {
		return nil, ErrNotShared
	}
	tmp := f.Name()
	err = fetchShared(path, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return nil, err
	}
	o.ReadOnly = true
	s, err := OpenWith(tmp, o)
	if err != nil {
		_ = os.Remove(tmp)
		return nil, err
	}
	s.copyOf, s.path = tmp, path
	return s, nil
}
