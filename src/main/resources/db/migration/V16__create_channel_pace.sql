-- Slack allows about one chat.postMessage a second per channel, whichever node posts: each post
-- first takes the channel's next slot here, so the pace holds across the cluster.
CREATE TABLE slack_channel_pace (
    channel      TEXT        PRIMARY KEY,
    last_post_at TIMESTAMPTZ NOT NULL
);
