-- The App Home asks two narrower questions of the open changes than /change list does, and the
-- reminder sweep asks the first of them in every workspace. Both partial indexes hold only open
-- changes, so they stay as small as the work in flight however long the history grows.

-- Changes awaiting approval: the Home's "awaiting your approval", read a bounded slice at a time,
-- and the reminder sweep.
CREATE INDEX change_request_awaiting ON change_request (workspace_id, number)
    WHERE state = 'PENDING_APPROVAL';

-- One person's open changes: the Home's "your open changes", a page of them and their count.
-- Its predicate is written exactly as change_request_open's, which the queries repeat word for word
-- so that even a generic (parameterised) plan can use it.
CREATE INDEX change_request_open_by_requester ON change_request (workspace_id, requester_id, number)
    WHERE state NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED', 'ROLLED_BACK', 'CLOSED');
