-- Text limits: every text a farmer or coordinator fills has a length fitting its use, and one-line fields hold
-- no control characters (line breaks, tabs, NUL …). The same table is Records.TextLimits in Swift, which the CLI and
-- the CSV imports check first (with a message naming the field); these CHECKs hold the rule for every other writer,
-- psql included. Lengths are characters (char_length). With every field at its limit, every notice still composes
-- into an LMS (the tests compose the longest ones).
--
-- A one-line field refuses C0 and C1 control characters and U+2028/U+2029; the message template (several lines)
-- may hold line feeds, carriage returns and tabs.

ALTER TABLE centers ADD CONSTRAINT centers_name_limit
    CHECK (char_length(name) <= 60 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE farmers ADD CONSTRAINT farmers_name_limit
    CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE workers ADD CONSTRAINT workers_name_limit
    CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE farms ADD CONSTRAINT farms_name_limit
    CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE farms ADD CONSTRAINT farms_address_limit
    CHECK (char_length(address) <= 100 AND address !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE farms ADD CONSTRAINT farms_village_limit
    CHECK (char_length(village) <= 40 AND village !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE workers ADD CONSTRAINT workers_village_limit
    CHECK (char_length(village) <= 40 AND village !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE farms ADD CONSTRAINT farms_meeting_point_limit
    CHECK (char_length(meeting_point) <= 60 AND meeting_point !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE labor_jobs ADD CONSTRAINT labor_jobs_task_limit
    CHECK (char_length(task) <= 40 AND task !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_task_limit
    CHECK (char_length(task) <= 40 AND task !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE skills ADD CONSTRAINT skills_name_limit
    CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_cancel_reason_limit
    CHECK (char_length(cancel_reason) <= 100 AND cancel_reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE rosters ADD CONSTRAINT rosters_cancel_reason_limit
    CHECK (char_length(cancel_reason) <= 100 AND cancel_reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE assignments ADD CONSTRAINT assignments_status_reason_limit
    CHECK (char_length(status_reason) <= 100 AND status_reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE blocks ADD CONSTRAINT blocks_reason_limit
    CHECK (char_length(reason) <= 200 AND reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE worker_availability ADD CONSTRAINT worker_availability_note_limit
    CHECK (char_length(note) <= 200 AND note !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE attendance ADD CONSTRAINT attendance_note_limit
    CHECK (char_length(note) <= 200 AND note !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
ALTER TABLE message_templates ADD CONSTRAINT message_templates_body_limit
    CHECK (char_length(body) <= 1000 AND body !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]');
