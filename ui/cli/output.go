package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"ikz/store"
)

// Output files of export and backup: checked before the database is
// opened, written via a temporary file and rename, readable only by the
// owner (like the database: reports hold a municipality's internal notes).

// formatByExt maps the extension of -o to the export format it implies.
var formatByExt = map[string]string{".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

// outputFormat decides the export format: the extension of out when it
// names one, else --format. A --format given explicitly that contradicts
// the extension is an error (a report in bericht.json helps nobody).
func outputFormat(out, format string, formatSet bool) (string, error) {
	if out == "" || out == "-" {
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	byExt, ok := formatByExt[ext]
	switch {
	case !ok:
		return format, nil
	case formatSet && byExt != format:
		return "", fmt.Errorf("die Endung %s von %s passt nicht zu --format %s; lassen Sie --format weg oder wählen Sie einen Dateinamen auf .%s", ext, out, format, format)
	}
	return byExt, nil
}

// checkOutput refuses a target before anything is written: the database
// itself (also through a link), something that is not a regular file
// (directory, device, FIFO), an existing file without --force, and a
// directory that does not exist.
func checkOutput(target, db string, force bool) error {
	fi, err := os.Stat(target)
	switch {
	case err == nil:
		if dbi, derr := os.Stat(db); derr == nil && os.SameFile(fi, dbi) {
			return fmt.Errorf("%s ist die Datenbank selbst; sie wird nicht überschrieben. Bitte einen anderen Dateinamen wählen", target)
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s ist keine gewöhnliche Datei (%s); bitte einen Dateinamen angeben – für die Standardausgabe -o weglassen", target, fileKind(fi.Mode()))
		}
		if !force {
			return fmt.Errorf("die Datei %s gibt es schon; mit --force wird sie überschrieben", target)
		}
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		if di, derr := os.Stat(dir); derr != nil || !di.IsDir() {
			return fmt.Errorf("%s kann nicht geschrieben werden: das Verzeichnis %s gibt es nicht; bitte zuerst anlegen oder ein anderes Ziel wählen", target, dir)
		}
	default:
		return outputError(target, err)
	}
	return nil
}

// fileKind names what a non-regular file is, in German.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "ein Verzeichnis"
	case m&fs.ModeNamedPipe != 0:
		return "eine FIFO"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "ein Gerät"
	case m&fs.ModeSocket != 0:
		return "ein Socket"
	}
	return "eine Sonderdatei"
}

// outputError says in German why a target cannot be written and what to do.
func outputError(target string, err error) error {
	hint := ""
	switch {
	case errors.Is(err, syscall.EROFS), errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		hint = " Bitte ein Ziel an einem beschreibbaren Ort wählen."
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		hint = " Bitte Platz schaffen oder ein anderes Laufwerk wählen."
	case errors.Is(err, fs.ErrNotExist):
		hint = " Bitte das Verzeichnis anlegen oder ein anderes Ziel wählen."
	}
	return fmt.Errorf("%s kann nicht geschrieben werden: %s.%s", target, store.Reason(err), hint)
}

// writeFileAtomic writes target (checked with checkOutput) via a temporary
// file and rename, so an existing file is never left half-written; the
// file is 0600.
func writeFileAtomic(target string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".ikz-*")
	if err != nil {
		return outputError(target, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		return outputError(target, err)
	}
	return nil
}
