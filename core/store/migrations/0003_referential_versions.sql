-- The index of published referential versions kept beside the git store, so
-- listing never walks history; rebuilt from git's tags after a crash.
CREATE TABLE referential_versions (
  cqpm TEXT NOT NULL,
  number BIGINT NOT NULL,
  commit_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_email TEXT NOT NULL,
  published_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  approvers TEXT NOT NULL,
  PRIMARY KEY (cqpm, number)
);

-- Proposed changes, reviewed by the GTP: one git ref per proposal.
CREATE TABLE referential_proposals (
  id BIGINT PRIMARY KEY,
  cqpm TEXT NOT NULL,
  base_version BIGINT NOT NULL,
  base_commit TEXT NOT NULL,
  proposal_commit TEXT NOT NULL,
  git_ref TEXT NOT NULL,
  proposer_id TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  rejection_reason TEXT,
  published_version BIGINT
);
CREATE INDEX referential_proposals_by_cqpm ON referential_proposals (cqpm, state);

CREATE TABLE referential_approvals (
  proposal_id BIGINT NOT NULL REFERENCES referential_proposals (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  college TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, user_id)
);

-- The referential version a file is judged under, pinned at registration.
ALTER TABLE candidate_files ADD COLUMN referential_version BIGINT;
ALTER TABLE candidate_files ADD COLUMN referential_commit TEXT;
