-- 0008: the triage decision record is sealed. It names the narrative words
-- that fired each rule, so it is as sensitive as the narrative itself
-- (sealed since 0006). record_sealed holds it under AES-256-GCM
-- (core/crypto/sealer.hpp); fired_rules keeps only the ids of the rules that
-- fired, in clear, for what counts them (the validity figures' per-rule
-- override rate) without opening any record.
--
-- SQL cannot seal (the key is not in the database). The records a database
-- already holds move to triage_records_to_seal, and the first process that
-- loads the data keys seals them and empties that table
-- (core/data_protection.hpp, seal_records_left_in_clear); until then
-- record_sealed is NULL. Secure delete (on for every connection) zeroes the
-- dropped column's bytes and the emptied rows.
CREATE TABLE triage_records_to_seal (
  report_id  INTEGER PRIMARY KEY REFERENCES triage_proposals (report_id),
  record     TEXT NOT NULL
);
INSERT INTO triage_records_to_seal (report_id, record) SELECT report_id, record FROM triage_proposals;

ALTER TABLE triage_proposals ADD COLUMN fired_rules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fired_rules));
UPDATE triage_proposals SET fired_rules = coalesce(
  (SELECT json_group_array(json_extract(rule.value, '$.id')) FROM json_each(record, '$.rules') AS rule), '[]');
ALTER TABLE triage_proposals DROP COLUMN record;
ALTER TABLE triage_proposals ADD COLUMN record_sealed BLOB CHECK (record_sealed IS NULL OR typeof(record_sealed) = 'blob');
