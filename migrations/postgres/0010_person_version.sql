-- A person's own standing in an edition (application state, lessons done, attendance, survey
-- submitted, certificates) is read on each of their edition and lesson pages and changes only
-- when they or a coordinator or trainer act. Instances keep it in memory per person: one
-- number per person, raised in the same transaction as any such change and read with the
-- session, tells every instance when its copy is out of date. No foreign key: erasing a person
-- deletes their rows, whose triggers still raise the number.
CREATE TABLE person_versions (
    user_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE FUNCTION person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO person_versions (user_id, version) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = person_versions.version + 1;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO person_versions (user_id, version) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = person_versions.version + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER enrollments_person AFTER INSERT OR UPDATE OR DELETE ON enrollments
FOR EACH ROW EXECUTE FUNCTION person_changed();
CREATE TRIGGER lesson_progress_person AFTER INSERT OR UPDATE OR DELETE ON lesson_progress
FOR EACH ROW EXECUTE FUNCTION person_changed();
CREATE TRIGGER session_attendance_person AFTER INSERT OR UPDATE OR DELETE ON session_attendance
FOR EACH ROW EXECUTE FUNCTION person_changed();
CREATE TRIGGER survey_submissions_person AFTER INSERT OR UPDATE OR DELETE ON survey_submissions
FOR EACH ROW EXECUTE FUNCTION person_changed();
CREATE TRIGGER certificates_person AFTER INSERT OR UPDATE OR DELETE ON certificates
FOR EACH ROW EXECUTE FUNCTION person_changed();
