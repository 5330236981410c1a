-- Programs, editions, courses and timetables change rarely and are read on every catalogue,
-- edition and lesson page, so instances keep them in memory. One number, raised in the same
-- transaction as any change to them, tells every instance when its copy is out of date.

CREATE TABLE content_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

CREATE FUNCTION content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_version SET version = version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER course_modules_content AFTER INSERT OR UPDATE OR DELETE ON course_modules
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER modules_content AFTER INSERT OR UPDATE OR DELETE ON modules
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER module_texts_content AFTER INSERT OR UPDATE OR DELETE ON module_texts
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER lessons_content AFTER INSERT OR UPDATE OR DELETE ON lessons
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER lesson_texts_content AFTER INSERT OR UPDATE OR DELETE ON lesson_texts
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER edition_sessions_content AFTER INSERT OR UPDATE OR DELETE ON edition_sessions
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER session_trainers_content AFTER INSERT OR UPDATE OR DELETE ON session_trainers
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER edition_trainers_content AFTER INSERT OR UPDATE OR DELETE ON edition_trainers
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();

-- Programs and editions; an edition's places taken change with every decision on an application
-- and are not part of what is kept in memory, so they leave the version alone.
CREATE TRIGGER programs_content AFTER INSERT OR UPDATE OR DELETE ON programs
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER editions_content AFTER INSERT OR DELETE ON editions
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER editions_changed_content AFTER UPDATE OF
    program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, city, country,
    time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at,
    admission_mode, sequential, source_checksum, updated_at, offer_hours, country_quota
    ON editions
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();

-- Trainers are listed by name, e-mail, organisation and country.
CREATE TRIGGER users_named_content AFTER UPDATE OF display_name, email, organisation, country ON users
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
