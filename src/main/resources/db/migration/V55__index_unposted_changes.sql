-- A notice that can wait asks whether its channel still has change messages to post (issue 17: conflict
-- notices go behind the messages people act on). Only changes whose message is not posted yet are in this
-- index, so it stays small however much history there is; the pending outbox row is then found by its own
-- partial unique index.
CREATE INDEX change_request_unposted ON change_request (workspace_id, origin_channel_id) WHERE message_ts IS NULL;
