-- The operators' gauge of overdue follow-ups (changebot_follow_ups_overdue, docs/ops/README.md) is read
-- at every Prometheus scrape. Emergencies, and changes an event started a follow-up on (a rollback's
-- post-mortem), carry obligations, and most have met them:
-- this index holds just the changes that still owe one, so the gauge's read stays as small as the
-- follow-ups outstanding however long the history grows. The gauge's query repeats the predicate
-- word for word (OperationalQueries.OWES_FOLLOW_UPS).
CREATE INDEX change_request_owing_follow_ups ON change_request (id)
    WHERE jsonb_path_exists(obligations, '$[*] ? (@.status != "SATISFIED")');
