-- Interview results: after an interview the recruiter records passed or failed (both mean the candidate came).
ALTER TABLE booking DROP CONSTRAINT booking_status_known;
ALTER TABLE booking ADD CONSTRAINT booking_status_known CHECK (status IN
    ('REQUESTED', 'APPROVED', 'CONFIRMED', 'ATTENDED', 'NO_SHOW', 'PASSED', 'FAILED', 'DECLINED', 'REJECTED', 'CANCELLED', 'EXPIRED'));
