-- Geography columns (stores, addresses, rider positions) need PostGIS on every database we run on.
CREATE EXTENSION IF NOT EXISTS postgis;
