-- Article locks announced like articles: a counter bumped when a lock is
-- taken, taken over or released (not when it is only renewed), so a window
-- watches its open article's lock with the same cheap look at
-- change_counters as the article list. The lock rules themselves are the
-- database's on PostgreSQL only (see postgres/0010_lock_rules.sql); a local
-- SQLite file trusts whoever can open it and storage checks them (locks.go).
INSERT INTO change_counters (name, value) VALUES ('locks', 0);
CREATE TRIGGER article_locks_ai AFTER INSERT ON article_locks BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'locks';
END;
CREATE TRIGGER article_locks_au AFTER UPDATE OF login, token ON article_locks
    WHEN OLD.login IS NOT NEW.login OR OLD.token IS NOT NEW.token BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'locks';
END;
CREATE TRIGGER article_locks_ad AFTER DELETE ON article_locks BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'locks';
END;
