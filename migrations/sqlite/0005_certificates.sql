-- Attendance, the feedback survey, completion rules and certificates.

-- Completion rules (NULL: not required) and what the certificate prints.
ALTER TABLE editions ADD COLUMN rule_lessons_pct INTEGER;
ALTER TABLE editions ADD COLUMN rule_attendance_pct INTEGER;
ALTER TABLE editions ADD COLUMN rule_survey INTEGER NOT NULL DEFAULT 0;
ALTER TABLE editions ADD COLUMN learning_hours INTEGER;
-- A second language printed beside English on the certificate ('' for English only).
ALTER TABLE editions ADD COLUMN certificate_language TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN survey_anonymous INTEGER NOT NULL DEFAULT 0;

-- A coordinator's decision that an enrollment is complete despite the rules.
ALTER TABLE enrollments ADD COLUMN completed_at TEXT;
ALTER TABLE enrollments ADD COLUMN completion_override TEXT;
ALTER TABLE enrollments ADD COLUMN completion_override_by INTEGER REFERENCES users (id);

-- The secret each session's changing check-in code is derived from.
ALTER TABLE edition_sessions ADD COLUMN checkin_secret TEXT NOT NULL DEFAULT '';

CREATE TABLE session_attendance (
    session_id INTEGER NOT NULL REFERENCES edition_sessions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
    source TEXT NOT NULL CHECK (source IN ('roster', 'checkin', 'import')),
    minutes INTEGER,
    marked_by INTEGER REFERENCES users (id),
    marked_at TEXT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_attendance_user ON session_attendance (user_id);

CREATE TABLE certificate_signatories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    -- A PNG or JPEG in the file store, or ''.
    signature_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX certificate_signatories_edition ON certificate_signatories (edition_id);

CREATE TABLE survey_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('likert', 'text')),
    prompt TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_questions_edition ON survey_questions (edition_id);

-- Who has answered (kept even when the answers are anonymous).
CREATE TABLE survey_submissions (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (edition_id, user_id)
);

-- The answers; user_id is NULL when the survey is anonymous.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id),
    submitted_at TEXT NOT NULL
);
CREATE INDEX survey_responses_edition ON survey_responses (edition_id);

CREATE TABLE survey_answers (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    likert INTEGER CHECK (likert BETWEEN 1 AND 5),
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, question_id)
);

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    code TEXT NOT NULL UNIQUE,
    name_latin TEXT NOT NULL,
    name_native TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('valid', 'revoked', 'superseded')),
    -- What the certificate prints besides the name (program, edition, dates, venue, hours,
    -- signatories), fixed at issue so the PDF and the verify page never change afterwards.
    snapshot TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by INTEGER REFERENCES users (id),
    revoked_at TEXT,
    revoke_reason TEXT,
    revoked_by INTEGER REFERENCES users (id),
    superseded_by INTEGER REFERENCES certificates (id)
);
-- One valid certificate per enrollment: concurrent issues give one.
CREATE UNIQUE INDEX certificates_one_valid ON certificates (enrollment_id) WHERE state = 'valid';
CREATE INDEX certificates_edition ON certificates (edition_id);
CREATE INDEX certificates_user ON certificates (user_id);

CREATE TABLE name_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
    name_latin TEXT NOT NULL,
    name_native TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    requested_at TEXT NOT NULL,
    decided_by INTEGER REFERENCES users (id),
    decided_at TEXT,
    decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX name_corrections_enrollment ON name_corrections (enrollment_id);
