-- Enrollment: application details on enrollments, seat counters kept by conditional
-- updates (never count-then-insert), per-country quotas, invitations, and CSV import batches.

ALTER TABLE editions ADD COLUMN seats_taken INTEGER NOT NULL DEFAULT 0;
ALTER TABLE editions ADD COLUMN offer_hours INTEGER NOT NULL DEFAULT 72;
ALTER TABLE editions ADD COLUMN country_quota INTEGER;

ALTER TABLE enrollments ADD COLUMN certificate_name_latin TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN certificate_name_native TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN organisation_type TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN motivation TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN consent_listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN consent_photos INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN consent_contact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
-- Order in the waitlist: a rising number taken when a person is waitlisted.
ALTER TABLE enrollments ADD COLUMN queue_number INTEGER;
-- Why a person is waitlisted ('capacity' or 'quota'), for coordinators.
ALTER TABLE enrollments ADD COLUMN waitlist_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollments ADD COLUMN offer_expires_at TEXT;
-- 1 while the enrollment holds one of the edition's seats (accepted, completed, offered).
ALTER TABLE enrollments ADD COLUMN holds_seat INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN submitted_at TEXT;
ALTER TABLE enrollments ADD COLUMN decided_at TEXT;

UPDATE enrollments SET holds_seat = 1 WHERE state IN ('accepted', 'completed');
UPDATE editions SET seats_taken = (SELECT COUNT(*) FROM enrollments n WHERE n.edition_id = editions.id AND n.holds_seat = 1);

CREATE INDEX enrollments_edition_state ON enrollments (edition_id, state);

CREATE TABLE country_seats (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    country TEXT NOT NULL,
    taken INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (edition_id, country)
);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    skip_review INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX invitations_edition ON invitations (edition_id);

-- Marks of periodic jobs that must run once per period across all instances.
CREATE TABLE job_marks (
    name TEXT NOT NULL PRIMARY KEY,
    done_for TEXT NOT NULL
);

-- Participant lists uploaded by coordinators, kept between the preview and the confirmation.
CREATE TABLE roster_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    created_by INTEGER REFERENCES users (id),
    content TEXT NOT NULL,
    confirmed_at TEXT,
    created_at TEXT NOT NULL
);

-- Extra questions a coordinator adds to an edition's application form; answers are kept
-- on the enrollment as JSON keyed by question id.
CREATE TABLE edition_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('short', 'long', 'choice')),
    label TEXT NOT NULL,
    choices TEXT NOT NULL DEFAULT '',
    required INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX edition_questions_edition ON edition_questions (edition_id);
