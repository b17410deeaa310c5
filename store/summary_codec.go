package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"time"

	"ikz/model"
)

// Summaries are stored in a small binary form instead of JSON: List decodes
// 10,000 of them, and encoding/json needs about 25 µs per summary on a
// modest machine, a binary decode well under 1 µs. TestSummaryCodec checks
// that every field of summaryRecord survives, so a new field cannot be
// forgotten here.

// Version 2 appends the recommendation flags (TopTied, TopCheck); a
// version-1 record decodes with both false until its session is saved or
// the catalogue upgrade refreshes it.
// Version 3 is a version-2 record behind a CRC-32C of it (checksum.go): a
// flipped bit in a summary reads as damage, not as another title.
// Version 4 is a version-2 record with the group's decision appended
// (Decided), behind the same checksum; schema migration 4 rewrites every
// summary in it.
const (
	summaryCodecV1 = 1
	summaryCodecV2 = 2
	summaryCodecV3 = 3
	summaryCodecV4 = 4
)

func encodeSummary(r summaryRecord) []byte {
	b := make([]byte, 5, 160)
	b[0] = summaryCodecV3
	b = append(b, summaryCodecV4)
	for _, s := range []string{r.ID, r.Title, r.Traeger, r.Land, string(r.TopModel)} {
		b = appendString(b, s)
	}
	for _, p := range r.Progress {
		b = appendString(b, string(p.Phase))
		for _, n := range []int{p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal} {
			b = binary.AppendVarint(b, int64(n))
		}
	}
	b = binary.AppendVarint(b, r.Updated.UnixNano())
	for _, n := range []int{r.OverdueMeasures, r.Participants, r.Answered, len(r.OpenDue)} {
		b = binary.AppendVarint(b, int64(n))
	}
	for _, d := range r.OpenDue {
		b = appendString(b, d)
	}
	var flags int64
	if r.TopTied {
		flags |= 1
	}
	if r.TopCheck {
		flags |= 2
	}
	b = binary.AppendVarint(b, flags)
	b = appendString(b, string(r.Decided))
	binary.BigEndian.PutUint32(b[1:], crc32.Checksum(b[5:], castagnoli))
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendVarint(b, int64(len(s)))
	return append(b, s...)
}

var errSummaryCodec = errors.New("unbekanntes oder beschädigtes Übersichtsformat")

// decodeSummary copies everything out of data (bbolt's memory).
func decodeSummary(data []byte) (summaryRecord, error) {
	var r summaryRecord
	if len(data) > 0 && data[0] == summaryCodecV3 {
		if len(data) < 6 || binary.BigEndian.Uint32(data[1:]) != crc32.Checksum(data[5:], castagnoli) ||
			(data[5] != summaryCodecV2 && data[5] != summaryCodecV4) {
			return r, errSummaryCodec
		}
		data = data[5:]
	}
	if len(data) == 0 || (data[0] != summaryCodecV1 && data[0] != summaryCodecV2 && data[0] != summaryCodecV4) {
		return r, errSummaryCodec
	}
	version := data[0]
	// One string for the whole record: the fields are substrings of it,
	// which saves an allocation per field.
	d := decoder{s: string(data[1:])}
	r.ID, r.Title, r.Traeger, r.Land = d.str(), model.SafeText(d.str()), model.SafeText(d.str()), d.oneOf(landCodes)
	r.TopModel = model.ModelID(d.oneOf(modelNames))
	for i := range r.Progress {
		p := &r.Progress[i]
		p.Phase = model.PhaseID(d.oneOf(phaseNames))
		p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal = d.int(), d.int(), d.int(), d.int()
	}
	r.Updated = time.Unix(0, d.varint()).UTC()
	r.OverdueMeasures, r.Participants, r.Answered = d.int(), d.int(), d.int()
	if n := d.int(); n > 0 && n <= len(d.s) {
		r.OpenDue = make([]string, n)
		for i := range r.OpenDue {
			r.OpenDue[i] = model.SafeText(d.str())
		}
	} else if n != 0 {
		d.err = true
	}
	if version >= summaryCodecV2 {
		flags := d.varint()
		r.TopTied, r.TopCheck = flags&1 != 0, flags&2 != 0
	}
	if version >= summaryCodecV4 {
		r.Decided = model.ModelID(d.oneOf(modelNames))
	}
	if d.err || len(d.s) != 0 {
		return summaryRecord{}, errSummaryCodec
	}
	return r, nil
}

// Land, model and phase repeat in every summary: take the constant
// strings instead of allocating new ones.
var (
	landCodes = func() []string {
		q, _ := model.ProfileQuestionByKey("bundesland")
		return q.Allowed()
	}()
	modelNames = func() []string {
		out := make([]string, len(model.ModelIDs))
		for i, id := range model.ModelIDs {
			out[i] = string(id)
		}
		return out
	}()
	phaseNames = func() []string {
		out := make([]string, len(model.Phases))
		for i, p := range model.Phases {
			out[i] = string(p.ID)
		}
		return out
	}()
)

// decoder reads varints and strings from s; any overrun sets err.
type decoder struct {
	s   string
	err bool
}

func (d *decoder) varint() int64 {
	var buf [binary.MaxVarintLen64]byte
	v, n := binary.Varint(buf[:copy(buf[:], d.s)])
	if n <= 0 {
		d.err, d.s = true, ""
		return 0
	}
	d.s = d.s[n:]
	return v
}

func (d *decoder) int() int { return int(d.varint()) }

func (d *decoder) str() string {
	l := d.varint()
	if l < 0 || l > int64(len(d.s)) {
		d.err, d.s = true, ""
		return ""
	}
	s := d.s[:l]
	d.s = d.s[l:]
	return s
}

// oneOf reads a string and returns the equal element of list, if any.
func (d *decoder) oneOf(list []string) string {
	s := d.str()
	for _, c := range list {
		if c == s {
			return c
		}
	}
	return s
}
