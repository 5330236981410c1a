-- A person's own standing in an edition (application state, lessons done, attendance, survey
-- submitted, certificates) is read on each of their edition and lesson pages and changes only
-- when they or a coordinator or trainer act. Instances keep it in memory per person: one
-- number per person, raised in the same transaction as any such change and read with the
-- session, tells every instance when its copy is out of date. No foreign key: erasing a person
-- deletes their rows, whose triggers still raise the number.
CREATE TABLE person_versions (
    user_id INTEGER NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TRIGGER enrollments_insert_person AFTER INSERT ON enrollments BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER enrollments_update_person AFTER UPDATE ON enrollments BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER enrollments_delete_person AFTER DELETE ON enrollments BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER lesson_progress_insert_person AFTER INSERT ON lesson_progress BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER lesson_progress_update_person AFTER UPDATE ON lesson_progress BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER lesson_progress_delete_person AFTER DELETE ON lesson_progress BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER session_attendance_insert_person AFTER INSERT ON session_attendance BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER session_attendance_update_person AFTER UPDATE ON session_attendance BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER session_attendance_delete_person AFTER DELETE ON session_attendance BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER survey_submissions_insert_person AFTER INSERT ON survey_submissions BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER survey_submissions_update_person AFTER UPDATE ON survey_submissions BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER survey_submissions_delete_person AFTER DELETE ON survey_submissions BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER certificates_insert_person AFTER INSERT ON certificates BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER certificates_update_person AFTER UPDATE ON certificates BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER certificates_delete_person AFTER DELETE ON certificates BEGIN
    INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
