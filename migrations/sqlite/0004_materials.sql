-- Materials attached to an edition (optionally to one of its modules, lessons or sessions),
-- each with versions; the material's link serves the current version. Objects live in the
-- file store under generated keys; the names people gave are kept here only.

CREATE TABLE materials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    module_id INTEGER REFERENCES modules (id),
    lesson_id INTEGER REFERENCES lessons (id),
    session_id INTEGER REFERENCES edition_sessions (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'participants', 'trainers')),
    current_version_id INTEGER,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX materials_edition ON materials (edition_id);

CREATE TABLE material_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    material_id INTEGER NOT NULL REFERENCES materials (id),
    number INTEGER NOT NULL,
    object_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (material_id, number)
);
