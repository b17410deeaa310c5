package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	berrors "go.etcd.io/bbolt/errors"
)

// Every error of this package is ready to show: it says in German what
// happened, to which file, and what to do next.

// ErrNotFound matches every *NotFoundError (errors.Is).
var ErrNotFound = errors.New("nicht gefunden")

// NotFoundError: a session or snapshot does not exist (or lies in the trash).
type NotFoundError struct {
	Path     string
	ID       string
	Snapshot string // set when a snapshot of an existing session is missing
	InTrash  bool   // the session exists, but in the trash
	NotTrash bool   // Restore: the session is not in the trash
	Live     bool   // with NotTrash: it exists, not deleted
}

func (e *NotFoundError) Error() string {
	switch {
	case e.Snapshot != "":
		return fmt.Sprintf("Die Sitzung „%s“ in %s hat keinen gespeicherten Stand „%s“.", e.ID, e.Path, e.Snapshot)
	case e.InTrash:
		return fmt.Sprintf("Die Sitzung „%s“ liegt im Papierkorb von %s. Mit „ikz restore %s“ holen Sie sie zurück.", e.ID, e.Path, e.ID)
	case e.NotTrash && e.Live:
		return fmt.Sprintf("Die Sitzung „%s“ liegt nicht im Papierkorb von %s, sie ist nicht gelöscht. „ikz list“ zeigt sie.", e.ID, e.Path)
	case e.NotTrash:
		return fmt.Sprintf("Im Papierkorb von %s liegt keine Sitzung „%s“. „ikz trash“ zeigt, was dort liegt.", e.Path, e.ID)
	}
	return fmt.Sprintf("Es gibt keine Sitzung „%s“ in %s. „ikz list“ zeigt alle Sitzungen.", e.ID, e.Path)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// InUseError: another process holds the database open (bbolt's file lock).
type InUseError struct{ Path string }

func (e *InUseError) Error() string {
	return fmt.Sprintf("Die Datenbank %s ist bereits geöffnet: Ein anderes ikz-Programm hat sie in Benutzung. "+
		"Schließen Sie es oder starten Sie mit --db eine andere Datei.", e.Path)
}

// CorruptError: the file is not a bbolt database, not an ikz database, or
// damaged (truncated, unreadable pages). The file has not been modified.
type CorruptError struct {
	Path   string
	Detail string // German, e.g. "die Datei ist abgeschnitten"
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("Die Datei %s ist keine lesbare ikz-Datenbank (%s). Sie wurde nicht verändert. "+
		"Spielen Sie eine Sicherung ein (etwa eine mit „ikz backup“ erstellte Datei) oder starten Sie mit --db eine andere Datei.",
		e.Path, e.Detail)
}

// EmptyFileError: the database file exists but holds nothing (0 bytes).
// It is left as it is: it may be what remains of a database after a
// failed copy, and writing a new database over it would hide that.
type EmptyFileError struct{ Path string }

func (e *EmptyFileError) Error() string {
	return fmt.Sprintf("Die Datei %s ist leer (0 Bytes) und wurde nicht verändert. War hier eine Datenbank, spielen Sie eine Sicherung ein "+
		"(etwa eine mit „ikz backup“ erstellte Datei). Soll hier eine neue Datenbank entstehen, löschen Sie die leere Datei.", e.Path)
}

// NewerSchemaError: the database was written by a newer ikz. It is refused
// and left unmodified.
type NewerSchemaError struct {
	Path       string
	What       string // "Datenformat" or "Fragenkatalog"
	Found, Max int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("Die Datenbank %s stammt von einer neueren ikz-Version (%s %d, diese Version kennt bis %d). "+
		"Sie wurde nicht verändert. Bitte aktualisieren Sie ikz, um sie zu öffnen.", e.Path, e.What, e.Found, e.Max)
}

// OutdatedError: the database needs a one-time upgrade, which a read-only
// store cannot do.
type OutdatedError struct{ Path string }

func (e *OutdatedError) Error() string {
	return fmt.Sprintf("Die Datenbank %s hat ein älteres Format und muss einmal aktualisiert werden; "+
		"das geht nicht, solange sie nur zum Lesen geöffnet ist. Öffnen Sie sie einmal mit ikz an einem beschreibbaren Ort.", e.Path)
}

// File operations named in FileError.
const (
	OpOpen   = "öffnen"
	OpWrite  = "speichern"
	OpMkdir  = "Verzeichnis anlegen"
	OpBackup = "Sicherung schreiben"
)

// FileError: the operating system refused a file operation (disk full,
// read-only, no permission, directory cannot be created). Nothing was changed.
type FileError struct {
	Path string
	Op   string // one of the Op constants
	Err  error
}

func (e *FileError) Unwrap() error { return e.Err }

func (e *FileError) Error() string {
	if e.Op == OpMkdir {
		return fmt.Sprintf("Das Verzeichnis %s für die Datenbank kann nicht angelegt werden (%s). "+
			"Legen Sie es selbst an oder starten Sie mit --db eine Datei an einem anderen Ort.", e.Path, Reason(e.Err))
	}
	what := map[string]string{OpOpen: "geöffnet", OpWrite: "gespeichert", OpBackup: "geschrieben"}[e.Op]
	if e.Op == OpBackup { // the target is the problem, not the database
		switch {
		case isDiskFull(e.Err):
			return fmt.Sprintf("Der Datenträger ist voll: Die Sicherung %s kann nicht geschrieben werden. Die Datenbank ist unverändert. "+
				"Schaffen Sie Platz oder wählen Sie ein Ziel auf einem anderen Laufwerk.", e.Path)
		case isReadOnly(e.Err), errors.Is(e.Err, syscall.ENOENT), errors.Is(e.Err, syscall.ENOTDIR):
			return fmt.Sprintf("Die Sicherung %s kann nicht geschrieben werden: %s. Die Datenbank ist unverändert. "+
				"Wählen Sie ein Ziel in einem vorhandenen, beschreibbaren Verzeichnis.", e.Path, Reason(e.Err))
		}
		return fmt.Sprintf("Die Sicherung %s kann nicht geschrieben werden (%s). Die Datenbank ist unverändert.", e.Path, Reason(e.Err))
	}
	switch {
	case isDiskFull(e.Err):
		return fmt.Sprintf("Der Datenträger ist voll: %s kann nicht %s werden. Die gespeicherten Daten sind unverändert. "+
			"Schaffen Sie Platz und versuchen Sie es erneut, oder starten Sie mit --db eine Datei auf einem anderen Laufwerk.", e.Path, what)
	case isReadOnly(e.Err):
		return fmt.Sprintf("%s kann nicht %s werden: %s. Die Datei bleibt unverändert. "+
			"Starten Sie mit --db eine Datei an einem beschreibbaren Ort.", e.Path, what, Reason(e.Err))
	}
	return fmt.Sprintf("%s kann nicht %s werden (%s). Die gespeicherten Daten sind unverändert.", e.Path, what, Reason(e.Err))
}

// ReadOnlyError: a write was attempted on a store opened with ReadOnly.
type ReadOnlyError struct{ Path string }

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("Die Datenbank %s ist nur zum Lesen geöffnet; Änderungen sind nicht möglich.", e.Path)
}

// isDiskFull and isReadOnly also look at the text, because bbolt formats
// some errors with %s and loses the wrapped errno.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) ||
		err != nil && strings.Contains(err.Error(), syscall.ENOSPC.Error())
}

func isReadOnly(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM) ||
		err != nil && strings.Contains(err.Error(), syscall.EROFS.Error())
}

// Reason names the cause of a file-system error in German (for messages
// about files other than the database, too).
func Reason(err error) string {
	switch {
	case isDiskFull(err):
		return "der Datenträger ist voll"
	case errors.Is(err, syscall.EROFS) || err != nil && strings.Contains(err.Error(), syscall.EROFS.Error()):
		return "der Datenträger ist schreibgeschützt"
	case errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM):
		return "keine Berechtigung"
	case errors.Is(err, syscall.ENOTDIR):
		return "ein Teil des Pfades ist eine Datei, kein Verzeichnis"
	case errors.Is(err, syscall.EISDIR):
		return "das ist ein Verzeichnis, keine Datei"
	case errors.Is(err, syscall.ENOENT):
		return "die Datei oder ein Verzeichnis im Pfad fehlt"
	case errors.Is(err, syscall.ENXIO), errors.Is(err, syscall.ENODEV):
		return "das Gerät ist nicht verfügbar"
	case errors.Is(err, syscall.ESPIPE):
		return "das Ziel ist keine gewöhnliche Datei"
	case errors.Is(err, syscall.EINVAL):
		return "der Vorgang ist für dieses Ziel nicht möglich"
	case errors.Is(err, syscall.EIO):
		return "Ein-/Ausgabefehler des Datenträgers"
	case errors.Is(err, syscall.EXDEV):
		return "Ziel und temporäre Datei liegen auf verschiedenen Laufwerken"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "der Name ist zu lang"
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return "die Datenbank ist geschlossen"
	case errors.Is(err, syscall.EBADF):
		return "die Datei ist nicht (mehr) geöffnet"
	case err == nil:
		return "unbekannter Fehler"
	}
	return err.Error()
}

// isOSError reports an error from a system call (a path or errno error).
func isOSError(err error) bool {
	var pe *os.PathError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &errno)
}
