//go:build linux

// Package faultdisk lets tests make the disk under a real open file fail
// and recover. It swaps the file's descriptor, in place with dup3, for one
// of /dev/full (writes fail with ENOSPC, syncs with EINVAL) or /dev/null
// (writes succeed, syncs fail with EINVAL), and back. The code under test
// keeps its *os.File, its memory mapping and its own logic; only what the
// kernel does with the next write or sync changes. bbolt hands us the
// file through its OpenFile option (store.Options.OpenFile).
package faultdisk

import (
	"fmt"
	"os"
	"sync"
	"syscall"
)

// File is a held database file whose disk can fail.
type File struct {
	mu    sync.Mutex
	f     *os.File
	fd    int
	saved int // a duplicate of the original descriptor
	state string
}

// Opener returns an OpenFile function for store.Options that remembers
// the file it opens; held gives the File opened last.
func Opener() (open func(string, int, os.FileMode) (*os.File, error), held func() *File) {
	var mu sync.Mutex
	var last *File
	open = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		if err != nil {
			return nil, err
		}
		h, err := Hold(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		mu.Lock()
		if last != nil {
			// The store reopens after a failed commit; the old file is
			// closed, and our duplicate of its descriptor would keep the
			// file lock (flock belongs to the open file description).
			last.Release()
		}
		last = h
		mu.Unlock()
		return f, nil
	}
	held = func() *File {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
	return open, held
}

// Hold prepares f for swapping (it keeps a duplicate of its descriptor).
func Hold(f *os.File) (*File, error) {
	fd := int(f.Fd())
	saved, err := syscall.Dup(fd)
	if err != nil {
		return nil, fmt.Errorf("faultdisk: dup: %w", err)
	}
	return &File{f: f, fd: fd, saved: saved, state: "ok"}, nil
}

// Full makes every following write fail with ENOSPC (and every sync with EINVAL).
func (d *File) Full() error { return d.swapTo("/dev/full") }

// SyncFails makes every following sync fail with EINVAL; writes still
// succeed but are lost, as after a real failed fsync.
func (d *File) SyncFails() error { return d.swapTo("/dev/null") }

func (d *File) swapTo(dev string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	g, err := os.OpenFile(dev, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer g.Close()
	if err := syscall.Dup3(int(g.Fd()), d.fd, syscall.O_CLOEXEC); err != nil {
		return fmt.Errorf("faultdisk: dup3: %w", err)
	}
	d.state = dev
	return nil
}

// Heal gives the file its real descriptor back.
func (d *File) Heal() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state == "ok" {
		return nil
	}
	if err := syscall.Dup3(d.saved, d.fd, syscall.O_CLOEXEC); err != nil {
		return fmt.Errorf("faultdisk: dup3: %w", err)
	}
	d.state = "ok"
	return nil
}

// Healthy reports whether the real descriptor is in place.
func (d *File) Healthy() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.state == "ok"
}

// WriteAt writes through the real descriptor, whatever is swapped in
// (for hooks that fail one operation and let the others pass).
func (d *File) WriteAt(b []byte, off int64) (int, error) {
	return syscall.Pwrite(d.saved, b, off)
}

// Release closes the duplicate (after the file itself is closed). A
// reopened file starts healthy: call Full or SyncFails on it again.
func (d *File) Release() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.saved >= 0 {
		syscall.Close(d.saved)
		d.saved = -1
	}
}
