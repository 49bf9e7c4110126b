-- One funding row per recipient, funder, year and kind: a double-click or a retried request must not
-- count the same money twice (issue 14). NULLS NOT DISTINCT: a row for a service without a provider
-- (or the other way round) is a duplicate of another such row too. Fails with PostgreSQL's message
-- naming the key if a database already holds duplicates; merge them first (sum the amounts).
CREATE UNIQUE INDEX "funding_service_id_provider_id_funder_year_kind_key"
  ON "funding" ("service_id", "provider_id", "funder", "year", "kind") NULLS NOT DISTINCT;
