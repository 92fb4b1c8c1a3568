-- Team mode scope: a candidate is a recruiter's when that recruiter added them in the console or invited them
-- (besides having a booking with them). Both columns are null for rows from before team mode and for the bot's.
ALTER TABLE candidate ADD COLUMN added_by_recruiter_id BIGINT REFERENCES recruiter (id);
ALTER TABLE candidate_invite ADD COLUMN recruiter_id BIGINT REFERENCES recruiter (id);
CREATE INDEX candidate_invite_recruiter ON candidate_invite (recruiter_id, candidate_id);
CREATE INDEX booking_recruiter_candidate ON booking (recruiter_id, candidate_id);
