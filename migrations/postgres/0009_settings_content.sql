-- An edition's certificate settings and completion rules are shown on every participant's
-- edition page, so they join the content that instances keep in memory: changing them
-- raises the content version too.
DROP TRIGGER editions_changed_content ON editions;
CREATE TRIGGER editions_changed_content AFTER UPDATE OF
    program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, city, country,
    time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at,
    admission_mode, sequential, source_checksum, updated_at, offer_hours, country_quota,
    rule_lessons_pct, rule_attendance_pct, rule_survey, learning_hours, certificate_language
    ON editions
FOR EACH STATEMENT EXECUTE FUNCTION content_changed();

-- Every participant's edition page also lists the edition's materials and offers its survey
-- when it has questions: uploads, replacements, removals and survey edits raise the version.
-- Row triggers, so that the housekeeping job's updates that touch no row leave it alone.
CREATE TRIGGER materials_content AFTER INSERT OR UPDATE OR DELETE ON materials
FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER material_versions_content AFTER INSERT OR UPDATE OR DELETE ON material_versions
FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER survey_questions_content AFTER INSERT OR UPDATE OR DELETE ON survey_questions
FOR EACH ROW EXECUTE FUNCTION content_changed();

-- A trainer's note is shown under its lesson to everyone in the edition.
CREATE TRIGGER lesson_notes_content AFTER INSERT OR UPDATE OR DELETE ON lesson_notes
FOR EACH ROW EXECUTE FUNCTION content_changed();
