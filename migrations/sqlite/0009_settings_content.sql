-- An edition's certificate settings and completion rules are shown on every participant's
-- edition page, so they join the content that instances keep in memory: changing them
-- raises the content version too.
DROP TRIGGER editions_update_content;
CREATE TRIGGER editions_update_content AFTER UPDATE OF
    program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, city, country,
    time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at,
    admission_mode, sequential, source_checksum, updated_at, offer_hours, country_quota,
    rule_lessons_pct, rule_attendance_pct, rule_survey, learning_hours, certificate_language
    ON editions BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- Every participant's edition page also lists the edition's materials and offers its survey
-- when it has questions: uploads, replacements, removals and survey edits raise the version.
CREATE TRIGGER materials_insert_content AFTER INSERT ON materials BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER materials_update_content AFTER UPDATE ON materials BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER materials_delete_content AFTER DELETE ON materials BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER material_versions_insert_content AFTER INSERT ON material_versions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER material_versions_update_content AFTER UPDATE ON material_versions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER material_versions_delete_content AFTER DELETE ON material_versions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER survey_questions_insert_content AFTER INSERT ON survey_questions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER survey_questions_update_content AFTER UPDATE ON survey_questions BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER survey_questions_delete_content AFTER DELETE ON survey_questions BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- A trainer's note is shown under its lesson to everyone in the edition.
CREATE TRIGGER lesson_notes_insert_content AFTER INSERT ON lesson_notes BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lesson_notes_update_content AFTER UPDATE ON lesson_notes BEGIN
    UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER lesson_notes_delete_content AFTER DELETE ON lesson_notes BEGIN
    UPDATE content_version SET version = version + 1;
END;
