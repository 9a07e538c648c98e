-- Article locks enforced by PostgreSQL itself (issue #15), and announced
-- like articles (see ../0010_lock_rules.sql).
--
-- The rules, for every login but the table owner (who runs migrations,
-- `newsroom copy` and the tests, and keeps every right):
--   * a lock is taken only in one's own name; a free or expired lock may be
--     taken by anyone, one's own renewed or released at any time;
--   * someone else's live lock may be taken over or deleted only by who may
--     take over (domain.ActTakeOver: editors, admins, and the article's own
--     authors who may edit it);
--   * an article someone else holds a live lock on is saved only by editors
--     and admins (an author must take the lock over first, which history
--     records);
--   * the lock times are the server's clock, not the desk's.
-- A refusal is SQLSTATE 55P03 (lock_not_available) on table article_locks,
-- its DETAIL the holder as JSON: storage turns it into domain.LockedError.

-- The lock's lifetime without a refresh: storage.LockTTL (TestLockTTLIsTheDatabases).
CREATE FUNCTION newsroom_lock_ttl_micros() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT 120000000::bigint
$$;

-- The server's time in unix microseconds, as the lock columns hold it.
CREATE FUNCTION newsroom_now_micros() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
$$;

-- newsroom_may_take_over: domain.ActTakeOver, the same as editing the
-- article (editors; its authors, contributors only while it is a draft).
CREATE FUNCTION newsroom_may_take_over(article bigint, who name) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT newsroom_is_editor(who) OR newsroom_is_author(article, who)
        AND (pg_has_role(who, 'newsroom_reporter', 'MEMBER')
             OR EXISTS (SELECT 1 FROM articles WHERE id = article AND status = 'draft'))
$$;

-- newsroom_refuse_locked raises the refusal naming the lock's holder.
CREATE FUNCTION newsroom_refuse_locked(held article_locks, who_may text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    holder text;
BEGIN
    SELECT name INTO holder FROM staff WHERE login = held.login;
    RAISE EXCEPTION '% is editing this article: %', coalesce(holder, held.login), who_may
        USING ERRCODE = 'lock_not_available', TABLE = 'article_locks',
            DETAIL = json_build_object('article_id', held.article_id, 'login', held.login,
                'name', coalesce(holder, held.login), 'since', held.since, 'refreshed_at', held.refreshed_at)::text,
            HINT = 'take the lock over first';
END $$;

CREATE FUNCTION newsroom_lock_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me text := current_user::text;
    now_us bigint := newsroom_now_micros();
BEGIN
    IF newsroom_is_owner(current_user) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.login <> me AND OLD.refreshed_at > now_us - newsroom_lock_ttl_micros()
       AND NOT newsroom_may_take_over(OLD.article_id, current_user) THEN
        PERFORM newsroom_refuse_locked(OLD, 'only editors, admins and its own authors may take it over');
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.login <> me THEN
        RAISE EXCEPTION 'a lock is taken only in one''s own name, not as %', NEW.login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.refreshed_at := now_us;
    IF TG_OP = 'UPDATE' AND OLD.login = me AND OLD.token = NEW.token THEN
        NEW.since := OLD.since; -- a renewal
    ELSE
        NEW.since := now_us;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER article_locks_rules BEFORE INSERT OR UPDATE OR DELETE ON article_locks
    FOR EACH ROW EXECUTE FUNCTION newsroom_lock_rules();

-- Saving an article someone else holds a live lock on: editors and admins
-- only (alongside newsroom_article_rules).
CREATE FUNCTION newsroom_article_lock_rule() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    held article_locks;
BEGIN
    IF newsroom_is_editor(current_user) THEN
        RETURN NEW;
    END IF;
    SELECT * INTO held FROM article_locks WHERE article_id = OLD.id AND login <> current_user::text
        AND refreshed_at > newsroom_now_micros() - newsroom_lock_ttl_micros();
    IF FOUND THEN
        PERFORM newsroom_refuse_locked(held, 'only editors and admins may save it now; take the lock over first');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER articles_lock_rule BEFORE UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsroom_article_lock_rule();

-- Changes of holder are announced (renewals are not).
INSERT INTO change_counters (name, value) VALUES ('locks', 0);
CREATE TRIGGER article_locks_changed AFTER INSERT OR DELETE ON article_locks
    FOR EACH ROW EXECUTE FUNCTION newsroom_bump_counter('locks');
CREATE TRIGGER article_locks_moved AFTER UPDATE ON article_locks
    FOR EACH ROW WHEN (OLD.login IS DISTINCT FROM NEW.login OR OLD.token IS DISTINCT FROM NEW.token)
    EXECUTE FUNCTION newsroom_bump_counter('locks');
