-- Programs, editions, courses and timetables change rarely and are read on every catalogue,
-- edition and lesson page, so instances keep them in memory. One number, raised in the same
-- transaction as any change to them, tells every instance when its copy is out of date.

CREATE TABLE content_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

CREATE TRIGGER course_modules_insert_content AFTER INSERT ON course_modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER course_modules_update_content AFTER UPDATE ON course_modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER course_modules_delete_content AFTER DELETE ON course_modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER modules_insert_content AFTER INSERT ON modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER modules_update_content AFTER UPDATE ON modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER modules_delete_content AFTER DELETE ON modules BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER module_texts_insert_content AFTER INSERT ON module_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER module_texts_update_content AFTER UPDATE ON module_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER module_texts_delete_content AFTER DELETE ON module_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lessons_insert_content AFTER INSERT ON lessons BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lessons_update_content AFTER UPDATE ON lessons BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lessons_delete_content AFTER DELETE ON lessons BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lesson_texts_insert_content AFTER INSERT ON lesson_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lesson_texts_update_content AFTER UPDATE ON lesson_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lesson_texts_delete_content AFTER DELETE ON lesson_texts BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_sessions_insert_content AFTER INSERT ON edition_sessions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_sessions_update_content AFTER UPDATE ON edition_sessions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_sessions_delete_content AFTER DELETE ON edition_sessions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER session_trainers_insert_content AFTER INSERT ON session_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER session_trainers_update_content AFTER UPDATE ON session_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER session_trainers_delete_content AFTER DELETE ON session_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_trainers_insert_content AFTER INSERT ON edition_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_trainers_update_content AFTER UPDATE ON edition_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER edition_trainers_delete_content AFTER DELETE ON edition_trainers BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- Programs and editions; an edition's places taken change with every decision on an application
-- and are not part of what is kept in memory, so they leave the version alone.
CREATE TRIGGER programs_insert_content AFTER INSERT ON programs BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER programs_update_content AFTER UPDATE ON programs BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER programs_delete_content AFTER DELETE ON programs BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER editions_insert_content AFTER INSERT ON editions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER editions_delete_content AFTER DELETE ON editions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER editions_update_content AFTER UPDATE OF
    program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, city, country,
    time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at,
    admission_mode, sequential, source_checksum, updated_at, offer_hours, country_quota
    ON editions BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- Trainers are listed by name, e-mail, organisation and country.
CREATE TRIGGER users_named_content AFTER UPDATE OF display_name, email, organisation, country ON users BEGIN
    UPDATE content_version SET version = version + 1;
END;
