package report

import (
	"bytes"
	"os"
	"path/filepath"
)

// FileMode of every report file: the report holds the same internal notes
// as the database, which is 0600 too.
const FileMode os.FileMode = 0o600

// WriteFile renders the report and writes it to path, readable by the
// owner only. Without overwrite an existing file is an error (fs.ErrExist);
// with it the report goes through a temporary file and a rename, so a
// reader never sees half a report.
func WriteFile(path, format string, d Data, overwrite bool) error {
	var buf bytes.Buffer
	if err := Render(&buf, format, d); err != nil {
		return err
	}
	if !overwrite {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
		if err != nil {
			return err
		}
		if _, err := f.Write(buf.Bytes()); err != nil {
			f.Close()
			os.Remove(path)
			return err
		}
		return f.Close()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ikz-bericht-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(FileMode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
