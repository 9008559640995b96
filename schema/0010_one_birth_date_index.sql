-- 0010: linking looks for name candidates with one seek into persons_birth_last
-- (by birth date) and a scan of the persons born that day, filtered on the
-- index's own columns (first or last name equal, either way round). The
-- second index, by birth date and first name, then served no query, yet
-- every new person paid for its upkeep: a random page written per person,
-- most of an import's write-ahead log on a large database.
DROP INDEX persons_birth_first;
