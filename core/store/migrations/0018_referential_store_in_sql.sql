-- The database becomes the one authority on the referentials: every git object
-- a published version or a proposal introduced, and every ref, are stored here
-- in the same transaction as the version or proposal row. Each instance's bare
-- repository is a replica written from these rows (objects are content-
-- addressed, so every replica holds the same commits and tags).
-- `bundle`: the commit or tag the objects were written with; a commit's bundle
-- holds the trees and blobs its first parent lacks, then the commit itself
-- (highest position). `content`: the object's bytes, base64-encoded.
CREATE TABLE referential_git_objects (
  bundle TEXT NOT NULL,
  position BIGINT NOT NULL,
  object_id TEXT NOT NULL,
  object_type TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (bundle, object_id)
);

-- Every ref of the referential repository (refs/heads/main, refs/tags/<cqpm>/vN,
-- refs/proposals/N) and what it points at; moved by compare-and-swap.
CREATE TABLE referential_git_refs (
  name TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
