package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// Records carry a checksum, so that a flipped bit reads as damage and not
// as different data (a changed profile key once showed as "Die Frage gibt
// es nicht mehr"). A sealed record is
//
//	0x00 'c' <CRC-32C, 4 bytes big-endian> <payload>
//
// where the CRC covers the record's place (the session ID, or ID/snapshot
// ID) and the payload, so a record that a damaged key moved to another
// place fails too. JSON never starts with 0x00, so records written before
// schema version 3 (plain JSON) stay readable; migrateV3 seals them.

const (
	sealMark    = 0x00
	sealVersion = 'c'
	sealHeader  = 6
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func sealSum(place string, payload []byte) uint32 {
	c := crc32.Update(0, castagnoli, []byte(place))
	c = crc32.Update(c, castagnoli, []byte{0})
	return crc32.Update(c, castagnoli, payload)
}

// seal returns payload with its header.
func seal(place string, payload []byte) []byte {
	out := make([]byte, sealHeader, sealHeader+len(payload))
	out[0], out[1] = sealMark, sealVersion
	binary.BigEndian.PutUint32(out[2:], sealSum(place, payload))
	return append(out, payload...)
}

var errChecksum = errors.New("Prüfsumme stimmt nicht – die gespeicherten Bytes sind beschädigt")

// unseal returns the payload of a sealed record after checking it; an old,
// unsealed record is returned as it is.
func unseal(place string, data []byte) ([]byte, error) {
	if len(data) == 0 || data[0] != sealMark {
		return data, nil
	}
	if len(data) < sealHeader || data[1] != sealVersion {
		return nil, errChecksum
	}
	payload := data[sealHeader:]
	if binary.BigEndian.Uint32(data[2:]) != sealSum(place, payload) {
		return nil, errChecksum
	}
	return payload, nil
}

// snapshotPlace is the place of a snapshot record.
func snapshotPlace(id, snapID string) string { return id + "/" + snapID }
