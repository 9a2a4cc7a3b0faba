-- Haven vault schema, version 19: fundraisers and campaigns in group spaces
-- (docs/PROTOCOL.md, "Fundraisers and campaigns"). All PROJECTION tables, rebuilt from the
-- log; amounts are integers in the currency's minor units, never floats.

-- A fundraiser (`space.fundraiser`) and the newest valid tally an organiser published.
CREATE TABLE IF NOT EXISTS space_fundraisers (
    fundraiser_id   BLOB PRIMARY KEY,
    space_id        BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    lamport         INTEGER NOT NULL,
    creator         BLOB NOT NULL,
    title           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    give            TEXT NOT NULL,
    goal            INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    deadline        TEXT NOT NULL,   -- 'YYYY-MM-DD' or ''
    created_ms      INTEGER NOT NULL,
    tally_id        BLOB,            -- NULL: no valid tally yet
    tally_total     INTEGER NOT NULL DEFAULT 0,
    tally_received  INTEGER NOT NULL DEFAULT 0,
    tally_supporters INTEGER NOT NULL DEFAULT 0,
    tally_by        BLOB,
    -- on an organiser's device: 1 when the tally differs from the sum of the pledges this
    -- device opened, 0 when it matches, NULL when this device cannot tell
    tally_mismatch  INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_fundraisers_by_space ON space_fundraisers (space_id, lamport);

-- Each member's current pledge (the newest valid one in log order). `amount` is known only
-- on the devices of the organisers it was sealed to (NULL elsewhere); 0 means withdrawn.
-- `counted`: the newest valid tally covers this pledge event.
CREATE TABLE IF NOT EXISTS space_pledges (
    fundraiser_id BLOB NOT NULL,
    member_pk     BLOB NOT NULL,
    space_id      BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id      BLOB NOT NULL,
    lamport       INTEGER NOT NULL,
    amount        INTEGER,
    counted       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fundraiser_id, member_pk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_pledges_by_space ON space_pledges (space_id);
CREATE INDEX IF NOT EXISTS space_pledges_by_event ON space_pledges (event_id);

-- Pledge events an organiser marked received (known only on organisers' devices).
CREATE TABLE IF NOT EXISTS space_pledges_received (
    pledge_event_id BLOB PRIMARY KEY,
    fundraiser_id   BLOB NOT NULL,
    space_id        BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_pledges_received_by_space ON space_pledges_received (space_id);

-- A campaign (`space.campaign`).
CREATE TABLE IF NOT EXISTS space_campaigns (
    campaign_id BLOB PRIMARY KEY,
    space_id    BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    lamport     INTEGER NOT NULL,
    creator     BLOB NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    action      TEXT NOT NULL,
    place       TEXT NOT NULL,
    date        TEXT NOT NULL,   -- 'YYYY-MM-DD' or ''
    created_ms  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_campaigns_by_space ON space_campaigns (space_id, lamport);

-- "I did this": the first valid `space.campaign.done` of each member.
CREATE TABLE IF NOT EXISTS space_campaign_done (
    campaign_id BLOB NOT NULL,
    member_pk   BLOB NOT NULL,
    space_id    BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id    BLOB NOT NULL,
    PRIMARY KEY (campaign_id, member_pk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_campaign_done_by_space ON space_campaign_done (space_id);

-- Organisers' updates on a fundraiser or a campaign (`cause_id`).
CREATE TABLE IF NOT EXISTS space_cause_updates (
    event_id   BLOB PRIMARY KEY,
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    cause_id   BLOB NOT NULL,
    lamport    INTEGER NOT NULL,
    author     BLOB NOT NULL,
    text       TEXT NOT NULL,
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_cause_updates_by_cause ON space_cause_updates (cause_id, lamport);
CREATE INDEX IF NOT EXISTS space_cause_updates_by_space ON space_cause_updates (space_id);
