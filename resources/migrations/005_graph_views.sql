-- Fundtrace case schema, version 5: named link chart views.

-- A link chart the investigator saved under a name: what it shows (seeds, mode, filter, expanded,
-- hidden, pinned and grouped nodes), where each node stands and how it was laid out, as JSON
-- (GraphView::toJson). Saving under an existing name replaces the view.
CREATE TABLE graph_views (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    json        TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
