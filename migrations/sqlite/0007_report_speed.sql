-- Reads that grew slow at 100,000 participants.

-- An edition's marks per session and status, read from the index alone.
CREATE INDEX session_attendance_report ON session_attendance (session_id, status);

-- Every certificate of an enrollment (the partial index covers valid ones only); the
-- background sweep asks this once per enrollment that may be due.
CREATE INDEX certificates_enrollment ON certificates (enrollment_id);

ANALYZE session_attendance;
ANALYZE certificates;
