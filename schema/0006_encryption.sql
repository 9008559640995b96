-- Encryption at rest: a report's narrative and its persons' addresses and
-- phone numbers are stored sealed (AES-256-GCM under a key kept outside the
-- database; see core/crypto/sealer.hpp), never in plaintext. The address is
-- one sealed value (street, number, postcode, municipality together), so
-- its parts' lengths do not show either. phone_hash is a keyed hash of the
-- phone number (HMAC-SHA256, core/crypto/keyed_hash.hpp) for equality
-- lookups; not indexed yet (an index on random hashes cost the batch import
-- about a tenth of its speed): the migration of the first feature that looks
-- phones up adds it. NULL address or phone: none was reported.
--
-- SQL cannot seal (the key is not in the database), so this migration only
-- runs on a database that holds no reports yet; one that does is refused
-- here rather than have its plaintext dropped or kept. (No installation has
-- stored reports before this version.)
CREATE TEMP TABLE encryption_needs_a_database_without_reports (
  reports_in_plaintext INTEGER CHECK (reports_in_plaintext = 0)
);
INSERT INTO encryption_needs_a_database_without_reports SELECT count(*) FROM reports;
DROP TABLE encryption_needs_a_database_without_reports;

ALTER TABLE reports DROP COLUMN narrative;
ALTER TABLE reports ADD COLUMN narrative_sealed BLOB CHECK (typeof(narrative_sealed) = 'blob');

ALTER TABLE report_persons DROP COLUMN street;
ALTER TABLE report_persons DROP COLUMN house_number;
ALTER TABLE report_persons DROP COLUMN postcode;
ALTER TABLE report_persons DROP COLUMN municipality;
ALTER TABLE report_persons DROP COLUMN phone;
ALTER TABLE report_persons ADD COLUMN address_sealed BLOB CHECK (address_sealed IS NULL OR typeof(address_sealed) = 'blob');
ALTER TABLE report_persons ADD COLUMN phone_sealed BLOB CHECK (phone_sealed IS NULL OR typeof(phone_sealed) = 'blob');
ALTER TABLE report_persons ADD COLUMN phone_hash BLOB CHECK (phone_hash IS NULL OR length(phone_hash) = 32);
