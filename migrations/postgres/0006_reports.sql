-- Reports: each enrollment carries its own activity counters (lessons done, attendance by
-- status, a valid certificate), kept exact by triggers, so that dashboards over 100,000
-- enrollments read one row per enrollment instead of joining a million activity rows.

ALTER TABLE enrollments ADD COLUMN lessons_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_present BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_late BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_excused BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_absent BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN has_certificate BIGINT NOT NULL DEFAULT 0;

UPDATE enrollments SET
    lessons_done = (SELECT COUNT(*) FROM lesson_progress p
                    WHERE p.edition_id = enrollments.edition_id AND p.user_id = enrollments.user_id),
    sessions_present = (SELECT COUNT(*) FROM session_attendance a JOIN edition_sessions s ON s.id = a.session_id
                        WHERE s.edition_id = enrollments.edition_id AND a.user_id = enrollments.user_id AND a.status = 'present'),
    sessions_late = (SELECT COUNT(*) FROM session_attendance a JOIN edition_sessions s ON s.id = a.session_id
                     WHERE s.edition_id = enrollments.edition_id AND a.user_id = enrollments.user_id AND a.status = 'late'),
    sessions_excused = (SELECT COUNT(*) FROM session_attendance a JOIN edition_sessions s ON s.id = a.session_id
                        WHERE s.edition_id = enrollments.edition_id AND a.user_id = enrollments.user_id AND a.status = 'excused'),
    sessions_absent = (SELECT COUNT(*) FROM session_attendance a JOIN edition_sessions s ON s.id = a.session_id
                       WHERE s.edition_id = enrollments.edition_id AND a.user_id = enrollments.user_id AND a.status = 'absent'),
    has_certificate = CASE WHEN EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = enrollments.id AND c.state = 'valid')
                      THEN 1 ELSE 0 END;

CREATE FUNCTION report_count_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE enrollments SET lessons_done = lessons_done + 1
        WHERE edition_id = NEW.edition_id AND user_id = NEW.user_id;
    ELSE
        UPDATE enrollments SET lessons_done = lessons_done - 1
        WHERE edition_id = OLD.edition_id AND user_id = OLD.user_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER lesson_progress_counted AFTER INSERT OR DELETE ON lesson_progress
FOR EACH ROW EXECUTE FUNCTION report_count_lesson();

-- Adds `sign` times one mark of `status` to the enrollment the session belongs to.
CREATE FUNCTION report_add_mark(p_session BIGINT, p_person BIGINT, p_status TEXT, p_sign BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE enrollments SET
        sessions_present = sessions_present + CASE WHEN p_status = 'present' THEN p_sign ELSE 0 END,
        sessions_late = sessions_late + CASE WHEN p_status = 'late' THEN p_sign ELSE 0 END,
        sessions_excused = sessions_excused + CASE WHEN p_status = 'excused' THEN p_sign ELSE 0 END,
        sessions_absent = sessions_absent + CASE WHEN p_status = 'absent' THEN p_sign ELSE 0 END
    WHERE user_id = p_person AND edition_id = (SELECT s.edition_id FROM edition_sessions s WHERE s.id = p_session);
END $$;

CREATE FUNCTION report_count_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_add_mark(OLD.session_id, OLD.user_id, OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM report_add_mark(NEW.session_id, NEW.user_id, NEW.status, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER session_attendance_counted AFTER INSERT OR DELETE ON session_attendance
FOR EACH ROW EXECUTE FUNCTION report_count_mark();
CREATE TRIGGER session_attendance_recounted AFTER UPDATE OF status ON session_attendance
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION report_count_mark();

-- A deleted session's marks go first, while the session still says which edition it was in.
CREATE FUNCTION report_remove_session_marks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM session_attendance WHERE session_id = OLD.id;
    RETURN OLD;
END $$;

CREATE TRIGGER edition_session_marks_removed BEFORE DELETE ON edition_sessions
FOR EACH ROW EXECUTE FUNCTION report_remove_session_marks();

CREATE FUNCTION report_count_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE enrollments SET has_certificate = CASE WHEN EXISTS (
        SELECT 1 FROM certificates c WHERE c.enrollment_id = NEW.enrollment_id AND c.state = 'valid') THEN 1 ELSE 0 END
    WHERE id = NEW.enrollment_id;
    RETURN NULL;
END $$;

CREATE TRIGGER certificate_counted AFTER INSERT ON certificates
FOR EACH ROW EXECUTE FUNCTION report_count_certificate();
CREATE TRIGGER certificate_recounted AFTER UPDATE OF state ON certificates
FOR EACH ROW EXECUTE FUNCTION report_count_certificate();

CREATE INDEX enrollments_report ON enrollments (edition_id, country, organisation_type, state);
CREATE INDEX lesson_progress_user ON lesson_progress (user_id);
CREATE INDEX editions_starts_on ON editions (starts_on);
CREATE INDEX users_display_name ON users (display_name, id);
