-- Programs, editions and their courses; the module library imported from course_content/;
-- live sessions, trainers per edition, enrollments, progress and calendar feeds.

CREATE TABLE programs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    source_checksum TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE editions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id INTEGER NOT NULL REFERENCES programs (id),
    slug TEXT NOT NULL UNIQUE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('on-site', 'online', 'blended')),
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    working_languages TEXT NOT NULL DEFAULT 'en',
    applications_open_at TEXT,
    applications_close_at TEXT,
    admission_mode TEXT NOT NULL DEFAULT 'reviewed' CHECK (admission_mode IN ('open', 'reviewed')),
    sequential INTEGER NOT NULL DEFAULT 0,
    source_checksum TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (program_id, number)
);

CREATE TABLE modules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE module_texts (
    module_id INTEGER NOT NULL REFERENCES modules (id),
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    learning_outcomes TEXT NOT NULL,
    further_reading TEXT NOT NULL,
    self_check TEXT NOT NULL,
    checksum TEXT NOT NULL,
    PRIMARY KEY (module_id, language)
);

CREATE TABLE lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    module_id INTEGER NOT NULL REFERENCES modules (id),
    slug TEXT NOT NULL,
    position INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (module_id, slug)
);

CREATE TABLE lesson_texts (
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    learning_outcomes TEXT NOT NULL,
    body TEXT NOT NULL,
    words INTEGER NOT NULL,
    checksum TEXT NOT NULL,
    PRIMARY KEY (lesson_id, language)
);

CREATE TABLE course_modules (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    module_id INTEGER NOT NULL REFERENCES modules (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (edition_id, module_id)
);

CREATE TABLE edition_trainers (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (edition_id, user_id)
);

CREATE TABLE edition_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    source_key TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('lecture', 'workshop', 'site-visit', 'panel')),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    room TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    module_id INTEGER REFERENCES modules (id),
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX edition_sessions_edition ON edition_sessions (edition_id, starts_at);

CREATE TABLE session_trainers (
    session_id INTEGER NOT NULL REFERENCES edition_sessions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE enrollments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (edition_id, user_id)
);
CREATE INDEX enrollments_user ON enrollments (user_id);

CREATE TABLE lesson_progress (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    completed_at TEXT NOT NULL,
    PRIMARY KEY (edition_id, user_id, lesson_id)
);

CREATE TABLE lesson_notes (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    body TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (edition_id, lesson_id)
);

CREATE TABLE calendar_feeds (
    user_id INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
