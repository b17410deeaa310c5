// Package store keeps sessions in one bbolt file so that no answer is ever
// lost: every operation is one bbolt transaction, committed with fsync, so a
// crash leaves either the old or the new state.
//
// Bucket layout (schema version 4):
//
//	meta
//	├── schema_version     → "4"
//	└── catalogue_version  → "1" (model.CatalogueVersion the data was upgraded to)
//	sessions
//	└── <id>               (bucket, one per live session)
//	    ├── session        → JSON model.Session
//	    └── snapshots      (bucket)
//	        └── <snapID>   → JSON {id, label, at, session}
//	summaries
//	└── <^updated><id>     → summary (title, Träger, Land, progress, top model,
//	                         the group's decision, updated …; binary, summary_codec.go), keyed
//	                         newest first, so List neither decodes sessions
//	                         nor sorts
//	summary_keys
//	└── <id>               → the session's key in summaries
//	trash
//	└── <id>               (bucket: the session bucket, moved here by Delete)
//	    ├── session, snapshots   (as above)
//	    ├── summary        → summary (as above), for listing the trash
//	    └── deleted        → RFC 3339 time of deletion
//	trash_index
//	└── <8-byte big-endian unix nanos><id> → ""  (oldest deletion first,
//	                         so purging after 30 days looks at one key on open)
//
// Since schema version 3 every session and snapshot record is sealed with
// a CRC-32C over its place and content, and summaries carry one too
// (checksum.go); version 2 stored plain JSON. Version 4 rewrote every
// summary so that it carries the group's decision. Schema version 1 (before
// summaries, trash and snapshots) had only meta and sessions/<id> → JSON;
// migrate.go upgrades both. Stored sessions are decoded
// leniently (model.DecodeSession) and brought to the current catalogue with
// model.Upgrade, so answers to retired questions are kept, never dropped.
package store
