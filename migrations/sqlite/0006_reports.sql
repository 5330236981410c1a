-- Reports: each enrollment carries its own activity counters (lessons done, attendance by
-- status, a valid certificate), kept exact by triggers, so that dashboards over 100,000
-- enrollments read one row per enrollment instead of joining a million activity rows.

ALTER TABLE enrollments ADD COLUMN lessons_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_present INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_excused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN sessions_absent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN has_certificate INTEGER NOT NULL DEFAULT 0;

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
    has_certificate = EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = enrollments.id AND c.state = 'valid');

CREATE TRIGGER lesson_progress_counted AFTER INSERT ON lesson_progress BEGIN
    UPDATE enrollments SET lessons_done = lessons_done + 1
    WHERE edition_id = NEW.edition_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER lesson_progress_uncounted AFTER DELETE ON lesson_progress BEGIN
    UPDATE enrollments SET lessons_done = lessons_done - 1
    WHERE edition_id = OLD.edition_id AND user_id = OLD.user_id;
END;

CREATE TRIGGER session_attendance_counted AFTER INSERT ON session_attendance BEGIN
    UPDATE enrollments SET
        sessions_present = sessions_present + (NEW.status = 'present'),
        sessions_late = sessions_late + (NEW.status = 'late'),
        sessions_excused = sessions_excused + (NEW.status = 'excused'),
        sessions_absent = sessions_absent + (NEW.status = 'absent')
    WHERE user_id = NEW.user_id AND edition_id = (SELECT edition_id FROM edition_sessions WHERE id = NEW.session_id);
END;

CREATE TRIGGER session_attendance_recounted AFTER UPDATE OF status ON session_attendance
WHEN OLD.status <> NEW.status BEGIN
    UPDATE enrollments SET
        sessions_present = sessions_present + (NEW.status = 'present') - (OLD.status = 'present'),
        sessions_late = sessions_late + (NEW.status = 'late') - (OLD.status = 'late'),
        sessions_excused = sessions_excused + (NEW.status = 'excused') - (OLD.status = 'excused'),
        sessions_absent = sessions_absent + (NEW.status = 'absent') - (OLD.status = 'absent')
    WHERE user_id = NEW.user_id AND edition_id = (SELECT edition_id FROM edition_sessions WHERE id = NEW.session_id);
END;

CREATE TRIGGER session_attendance_uncounted AFTER DELETE ON session_attendance BEGIN
    UPDATE enrollments SET
        sessions_present = sessions_present - (OLD.status = 'present'),
        sessions_late = sessions_late - (OLD.status = 'late'),
        sessions_excused = sessions_excused - (OLD.status = 'excused'),
        sessions_absent = sessions_absent - (OLD.status = 'absent')
    WHERE user_id = OLD.user_id AND edition_id = (SELECT edition_id FROM edition_sessions WHERE id = OLD.session_id);
END;

-- A deleted session's marks go first, while the session still says which edition it was in.
CREATE TRIGGER edition_session_marks_removed BEFORE DELETE ON edition_sessions BEGIN
    DELETE FROM session_attendance WHERE session_id = OLD.id;
END;

CREATE TRIGGER certificate_counted AFTER INSERT ON certificates BEGIN
    UPDATE enrollments SET has_certificate = EXISTS (
        SELECT 1 FROM certificates c WHERE c.enrollment_id = NEW.enrollment_id AND c.state = 'valid')
    WHERE id = NEW.enrollment_id;
END;

CREATE TRIGGER certificate_recounted AFTER UPDATE OF state ON certificates BEGIN
    UPDATE enrollments SET has_certificate = EXISTS (
        SELECT 1 FROM certificates c WHERE c.enrollment_id = NEW.enrollment_id AND c.state = 'valid')
    WHERE id = NEW.enrollment_id;
END;

-- The dashboards group every enrollment of the chosen editions by country, organisation type
-- and state; this index holds all they read, in that order.
CREATE INDEX enrollments_report ON enrollments (
    edition_id, country, organisation_type, state,
    lessons_done, sessions_present, sessions_late, sessions_excused, sessions_absent, has_certificate);
CREATE INDEX lesson_progress_user ON lesson_progress (user_id);
CREATE INDEX editions_starts_on ON editions (starts_on);
CREATE INDEX users_display_name ON users (display_name, id);
