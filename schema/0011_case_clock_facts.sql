-- 0011: what the chain's clocks need of each case, kept up to date by triggers
-- as events and contacts are recorded. The overdue work of every open case was
-- seven correlated subqueries per case over its events and contacts (about 2 s
-- for 94,000 open cases, on every coordinator's GET /overdue); it is now one
-- row per case. Each column has the meaning the subqueries gave it:
--   cycle_event_id       the newest opened, reopened or track_changed event
--   cycle_start          max(at) of those events
--   first_reached        min(at) of the reached contacts recorded with an event
--                        not older than cycle_event_id
--   last_reached         max(at) of the reached contacts
--   last_implementation  max(at) of the transitions into implementation
--   last_evaluation      max(at) of the transitions into evaluation
-- Timestamps are the events' own UTC text, so text order is time order.
-- Erasing a family (retention) deletes its cases' rows before the cases.
CREATE TABLE case_clock_facts (
  case_id              INTEGER PRIMARY KEY REFERENCES cases (id),
  cycle_event_id       INTEGER,
  cycle_start          TEXT,
  first_reached        TEXT,
  last_reached         TEXT,
  last_implementation  TEXT,
  last_evaluation      TEXT
);

INSERT INTO case_clock_facts (case_id, cycle_event_id, cycle_start, first_reached, last_reached,
                              last_implementation, last_evaluation)
SELECT c.id,
  (SELECT max(id) FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('opened', 'reopened', 'track_changed')),
  (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('opened', 'reopened', 'track_changed')),
  (SELECT min(k.at) FROM contacts k WHERE k.case_id = c.id AND k.outcome = 'reached'
     AND k.event_id >= (SELECT max(id) FROM case_events s WHERE s.case_id = c.id
                          AND s.kind IN ('opened', 'reopened', 'track_changed'))),
  (SELECT max(k.at) FROM contacts k WHERE k.case_id = c.id AND k.outcome = 'reached'),
  (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition'
     AND json_extract(e.detail, '$.to') = 'implementation'),
  (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition'
     AND json_extract(e.detail, '$.to') = 'evaluation')
FROM cases c;

-- A new cycle: its start, and the first reached contact from it on (none yet,
-- as event ids only grow; computed all the same, so the meaning holds exactly).
CREATE TRIGGER case_clock_facts_cycle AFTER INSERT ON case_events
WHEN NEW.kind IN ('opened', 'reopened', 'track_changed')
BEGIN
  INSERT INTO case_clock_facts (case_id) VALUES (NEW.case_id) ON CONFLICT (case_id) DO NOTHING;
  UPDATE case_clock_facts SET
    cycle_event_id = CASE WHEN cycle_event_id IS NULL OR NEW.id > cycle_event_id THEN NEW.id ELSE cycle_event_id END,
    cycle_start = CASE WHEN cycle_start IS NULL OR NEW.at > cycle_start THEN NEW.at ELSE cycle_start END
  WHERE case_id = NEW.case_id;
  UPDATE case_clock_facts SET
    first_reached = (SELECT min(k.at) FROM contacts k WHERE k.case_id = NEW.case_id AND k.outcome = 'reached'
                       AND k.event_id >= case_clock_facts.cycle_event_id)
  WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER case_clock_facts_transition AFTER INSERT ON case_events
WHEN NEW.kind = 'transition' AND json_extract(NEW.detail, '$.to') IN ('implementation', 'evaluation')
BEGIN
  INSERT INTO case_clock_facts (case_id) VALUES (NEW.case_id) ON CONFLICT (case_id) DO NOTHING;
  UPDATE case_clock_facts SET
    last_implementation = CASE WHEN json_extract(NEW.detail, '$.to') = 'implementation'
      AND (last_implementation IS NULL OR NEW.at > last_implementation) THEN NEW.at ELSE last_implementation END,
    last_evaluation = CASE WHEN json_extract(NEW.detail, '$.to') = 'evaluation'
      AND (last_evaluation IS NULL OR NEW.at > last_evaluation) THEN NEW.at ELSE last_evaluation END
  WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER case_clock_facts_reached AFTER INSERT ON contacts
WHEN NEW.outcome = 'reached'
BEGIN
  INSERT INTO case_clock_facts (case_id) VALUES (NEW.case_id) ON CONFLICT (case_id) DO NOTHING;
  UPDATE case_clock_facts SET
    last_reached = CASE WHEN last_reached IS NULL OR NEW.at > last_reached THEN NEW.at ELSE last_reached END,
    first_reached = CASE WHEN NEW.event_id >= cycle_event_id AND (first_reached IS NULL OR NEW.at < first_reached)
      THEN NEW.at ELSE first_reached END
  WHERE case_id = NEW.case_id;
END;

-- The family's latest restraining order, per open case: a seek into a small
-- covering index (only reports with an order) already in the query's order
-- (order_from, then id), not a sort of the family's reports.
CREATE INDEX reports_family_order ON reports (family_id, order_from, id, order_until) WHERE order_from IS NOT NULL;
