CREATE TABLE captures (
  id TEXT PRIMARY KEY,
  authorisation_id TEXT NOT NULL REFERENCES authorisations (id),
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
