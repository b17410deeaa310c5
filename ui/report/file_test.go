package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	for _, format := range Formats {
		path := filepath.Join(dir, "bericht."+format)
		if err := WriteFile(path, format, fixtureData(), false); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, format, fixtureData(), false); !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: second write without overwrite: %v, want ErrExist", format, err)
		}
		// An existing world-readable file is replaced by an owner-only one.
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, format, fixtureData(), true); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != FileMode || fi.Size() == 0 {
			t.Errorf("%s: mode %v size %d, want %v and a report", format, fi.Mode().Perm(), fi.Size(), FileMode)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".ikz-bericht-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
