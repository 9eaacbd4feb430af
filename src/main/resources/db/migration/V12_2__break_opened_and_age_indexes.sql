-- reconciliation.break_opened (docs/webhooks.md): the matcher finds the breaks its transaction opened through their
-- OPENED events at the run's time; this partial index keeps that look-up to the run's own events.
create index reconciliation_break_event_opened on reconciliation_break_event (at) where action = 'OPENED';
-- The break list pages oldest first and filters by age (openedBefore, docs/reconciliation.md).
create index reconciliation_break_created on reconciliation_break (created_at, id);
