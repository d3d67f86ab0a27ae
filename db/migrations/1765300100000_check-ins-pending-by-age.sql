-- Up Migration

-- ONE50: the sweep takes the series whose oldest pending check-in is oldest first (at most a
-- thousand a sweep), and a node applies a series' pending rows oldest first. The pending rows'
-- partial index gains their time, so both read it in order instead of sorting the rows' heap.
CREATE INDEX one_on_one_check_ins_pending_by_age
  ON one_on_one_check_ins (organisation_id, series_id, at, check_in_id) WHERE outcome IS NULL;
DROP INDEX one_on_one_check_ins_pending;

-- Down Migration

CREATE INDEX one_on_one_check_ins_pending ON one_on_one_check_ins (organisation_id, series_id)
  WHERE outcome IS NULL;
DROP INDEX one_on_one_check_ins_pending_by_age;
