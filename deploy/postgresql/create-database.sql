-- Creates the PostgreSQL role and database of CQPM Hub. Idempotent: a second
-- run sets the role's password again and leaves an existing database alone.
--
-- Run as a PostgreSQL superuser with psql 15 or later (Debian 12), the
-- password in the environment (it never appears on a command line):
--
--   CQPM_DB_PASSWORD='...' [CQPM_DB_LOCALE=fr_FR.UTF-8] \
--     runuser -u postgres -- psql -X -f create-database.sql
--
-- or use setup.sh beside this file, which does exactly that. The server then
-- connects with (pass it as --database or cqpm.database):
--
--   postgresql://cqpm:PASSWORD@HOST:5432/cqpm
--
-- The tables are created by the server itself: its migrations run at start.
--
-- Locale: the database is UTF8 with the fr_FR.UTF-8 collation, so that
-- ORDER BY on candidate names sorts as a French reader expects. The locale
-- must exist on the database host ("locale -a"); on Debian:
--   sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen && locale-gen
-- and then restart PostgreSQL. Set CQPM_DB_LOCALE=C.UTF-8 to do without it.

\set ON_ERROR_STOP on
\set QUIET on

\getenv cqpm_password CQPM_DB_PASSWORD
\if :{?cqpm_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'CQPM_DB_PASSWORD is not set'; END $$;
\endif
SELECT length(:'cqpm_password') < 12 AS cqpm_password_too_short \gset
\if :cqpm_password_too_short
  DO $$ BEGIN RAISE EXCEPTION 'CQPM_DB_PASSWORD is shorter than 12 characters'; END $$;
\endif

\getenv cqpm_locale CQPM_DB_LOCALE
\if :{?cqpm_locale}
\else
  \set cqpm_locale 'fr_FR.UTF-8'
\endif

-- The role: may log in, owns its database, nothing more.
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cqpm') AS cqpm_create_role \gset
\if :cqpm_create_role
  CREATE ROLE cqpm LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'cqpm_password';
  \echo 'role cqpm created'
\else
  ALTER ROLE cqpm WITH LOGIN PASSWORD :'cqpm_password';
  \echo 'role cqpm exists: password updated'
\endif

-- The database, owned by the role. template0 because the locale may differ
-- from the cluster's default.
SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'cqpm') AS cqpm_create_database \gset
\if :cqpm_create_database
  CREATE DATABASE cqpm OWNER cqpm ENCODING 'UTF8' LOCALE :'cqpm_locale' TEMPLATE template0;
  \echo 'database cqpm created'
\else
  ALTER DATABASE cqpm OWNER TO cqpm;
  \echo 'database cqpm exists: left as it is'
\endif

-- Only the cqpm role (and superusers) may connect.
REVOKE CONNECT, TEMPORARY ON DATABASE cqpm FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE cqpm TO cqpm;

-- Inside the database: the public schema belongs to the application role,
-- and other roles may not create objects in it.
\connect cqpm
ALTER SCHEMA public OWNER TO cqpm;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- pg_trgm serves the name search (migration 0020). The migration creates it
-- itself when the role may (pg_trgm is a trusted extension and the role owns
-- the database); made here too, so that a stricter setup still has it.
CREATE SCHEMA IF NOT EXISTS cqpm_extensions AUTHORIZATION cqpm;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA cqpm_extensions;
