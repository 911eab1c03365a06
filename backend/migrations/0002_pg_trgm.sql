-- Typo-tolerant search over shop and product names (similarity, % and the gin_trgm_ops indexes).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
