//go:build unix

package store

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f read-only for the structural
// check; without a mapping it falls back to reading.
func mapFile(f *os.File, size int64) (source, func()) {
	if size <= 0 || int64(int(size)) != size {
		return reader{f}, func() {}
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return reader{f}, func() {}
	}
	return mapped(data), func() { _ = syscall.Munmap(data) }
}
