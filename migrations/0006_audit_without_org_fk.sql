-- audit_events.org_id no longer references organisations. The foreign key cost a row lock
-- (FOR KEY SHARE) on the organisation's one row for every audit row: ~20 µs per row, most of
-- Postgres's work for an audited note read, and every concurrent read of an organisation
-- queued on the same row's lock (`scripts/bench api`). An audit row is only ever written with
-- the organisation of an authenticated API key or of a record read within it, organisations are
-- never deleted, and an append-only trail should neither block nor be blocked by the rows it
-- describes.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_org_id_fkey;
