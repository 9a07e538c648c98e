-- Roles enforced by the database: PostgreSQL only (see
-- postgres/0009_roles.sql). A local SQLite file trusts whoever can open
-- it; storage checks the roles there (staff_guard.go).
SELECT 1;
