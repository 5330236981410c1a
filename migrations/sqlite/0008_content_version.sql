-- Course and timetable content changes rarely and is read on every edition and lesson page,
-- so instances keep it in memory. One number, raised in the same transaction as any change to
-- that content, tells every instance when its copy is out of date.

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

-- Trainers are listed by name, e-mail, organisation and country.
CREATE TRIGGER users_named_content AFTER UPDATE OF display_name, email, organisation, country ON users BEGIN
    UPDATE content_version SET version = version + 1;
END;
