-- The staff roles, enforced by PostgreSQL itself (issue #15). Every staff
-- member signs in as a login role of their own (named as staff.login) that
-- is a member of one group role; the table owner (who runs the migrations,
-- `newsroom copy` and the tests) keeps every right and bypasses row-level
-- security. Group roles are cluster-wide: created only when missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsroom_contributor') THEN
        CREATE ROLE newsroom_contributor NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsroom_reporter') THEN
        CREATE ROLE newsroom_reporter NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsroom_editor') THEN
        CREATE ROLE newsroom_editor NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsroom_admin') THEN
        CREATE ROLE newsroom_admin NOLOGIN;
    END IF;
    -- Each role has the rights of the one below it.
    IF NOT pg_has_role('newsroom_reporter', 'newsroom_contributor', 'MEMBER') THEN
        GRANT newsroom_contributor TO newsroom_reporter;
    END IF;
    IF NOT pg_has_role('newsroom_editor', 'newsroom_reporter', 'MEMBER') THEN
        GRANT newsroom_reporter TO newsroom_editor;
    END IF;
    IF NOT pg_has_role('newsroom_admin', 'newsroom_editor', 'MEMBER') THEN
        GRANT newsroom_editor TO newsroom_admin;
    END IF;
END $$;

-- Who the connection is. These run as the table owner (SECURITY DEFINER,
-- so that the policies on article_authors can read it), and are told the
-- caller's role name.

-- newsroom_is_owner: the caller is (a member of) the owner of the tables.
CREATE FUNCTION newsroom_is_owner(who name) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'articles'::regclass), 'MEMBER')
$$;

-- newsroom_is_editor: the caller may act on any article (editor, admin,
-- owner).
CREATE FUNCTION newsroom_is_editor(who name) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT newsroom_is_owner(who) OR pg_has_role(who, 'newsroom_editor', 'MEMBER')
$$;

-- newsroom_is_author: who is on the article's byline.
CREATE FUNCTION newsroom_is_author(article bigint, who name) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT EXISTS (SELECT 1 FROM article_authors WHERE article_id = article AND login = who::text)
$$;

-- newsroom_changed_here: the article's row was written by this very
-- transaction (a new article, or one the caller was allowed to change, whose
-- byline and children are being written with it).
CREATE FUNCTION newsroom_changed_here(article bigint) RETURNS boolean LANGUAGE sql VOLATILE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT EXISTS (SELECT 1 FROM articles WHERE id = article
        AND xmin::text::bigint = txid_current() % 4294967296)
$$;

-- newsroom_may_write: who may change the article and what hangs on it.
CREATE FUNCTION newsroom_may_write(article bigint, who name) RETURNS boolean LANGUAGE sql VOLATILE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT newsroom_is_editor(who) OR newsroom_is_author(article, who) OR newsroom_changed_here(article)
$$;

-- The rules no grant can say: publishing, fact-checking and the trash are
-- the editors'; the four-eyes rule holds for editors too.
CREATE FUNCTION newsroom_article_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    marks_checked boolean;
BEGIN
    IF newsroom_is_owner(current_user) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        marks_checked := NEW.fc_checked <> 0;
    ELSE
        marks_checked := NEW.fc_checked <> 0 AND (OLD.fc_checked = 0
            OR NEW.fc_by IS DISTINCT FROM OLD.fc_by OR NEW.fc_at IS DISTINCT FROM OLD.fc_at);
    END IF;
    IF NOT newsroom_is_editor(current_user) THEN
        IF TG_OP = 'INSERT' AND NEW.status = 'published'
           OR TG_OP = 'UPDATE' AND (NEW.status = 'published' OR OLD.status = 'published')
              AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
            RAISE EXCEPTION 'only editors and admins may publish, schedule or unpublish articles'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF marks_checked THEN
            RAISE EXCEPTION 'only editors and admins may fact-check articles'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' AND NEW.trashed_at IS NOT NULL
           OR TG_OP = 'UPDATE' AND NEW.trashed_at IS DISTINCT FROM OLD.trashed_at THEN
            RAISE EXCEPTION 'only editors and admins may delete or restore articles'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND marks_checked AND newsroom_is_author(NEW.id, current_user)
       AND coalesce((SELECT lower(trim(value)) FROM settings WHERE key = 'four_eyes'), 'on') <> 'off' THEN
        RAISE EXCEPTION 'the four-eyes rule is on: an editor may not fact-check an article they have a byline on; another editor must check it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER articles_rules BEFORE INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsroom_article_rules();

-- The change counters are bumped for whoever writes.
ALTER FUNCTION newsroom_bump_counter() SECURITY DEFINER SET search_path FROM CURRENT;

-- Reading: everyone on the staff reads the newsroom, except what
-- identifies commenters (email, network address, browser).
GRANT SELECT ON sources, articles, article_sources, quotes, revisions, article_events, change_counters,
    settings, articles_fts, corrections, dictionary_words, article_ignored_words, media, media_files,
    staff, article_authors, article_locks, schema_migrations TO newsroom_contributor;
GRANT SELECT (id, article_id, parent_id, author, url, body, status, prev_status, reasons, type,
    submitted_at, by_editor, origin) ON comments TO newsroom_contributor;
DO $$ BEGIN
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO newsroom_contributor', current_schema());
END $$;

-- Writing articles and what hangs on them (row-level security below says
-- which articles); the shared lists (sources, media, dictionary).
GRANT INSERT, UPDATE ON articles TO newsroom_contributor;
GRANT INSERT, UPDATE, DELETE ON article_sources, quotes, article_authors, articles_fts,
    article_ignored_words, article_locks TO newsroom_contributor;
-- (a save by the same person soon after the last one updates its revision)
GRANT INSERT, UPDATE ON revisions TO newsroom_contributor;
GRANT INSERT ON article_events TO newsroom_contributor;
GRANT INSERT, UPDATE ON sources, media, media_files TO newsroom_contributor;
GRANT INSERT, DELETE ON dictionary_words TO newsroom_contributor;

-- Editors: any article, deleting, corrections, the comments with emails.
GRANT DELETE ON articles, revisions, article_events, sources, media, media_files TO newsroom_editor;
GRANT INSERT ON corrections TO newsroom_editor;
GRANT SELECT, INSERT, UPDATE, DELETE ON comments TO newsroom_editor;

-- Admins: the staff and the settings.
GRANT INSERT, UPDATE, DELETE ON staff, settings TO newsroom_admin;

-- Row-level security: contributors and reporters change only articles on
-- whose byline they are (contributors only drafts); editors any. The
-- owner is not subject to it.
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY articles_read ON articles FOR SELECT TO newsroom_contributor USING (true);
CREATE POLICY articles_insert ON articles FOR INSERT TO newsroom_contributor WITH CHECK (true);
CREATE POLICY articles_update ON articles FOR UPDATE TO newsroom_contributor
    USING (newsroom_may_write(id, current_user)
        AND (status = 'draft' OR pg_has_role(current_user, 'newsroom_reporter', 'MEMBER')))
    WITH CHECK (newsroom_may_write(id, current_user));
CREATE POLICY articles_delete ON articles FOR DELETE TO newsroom_editor USING (true);

DO $$
DECLARE
    t text;
    col text;
BEGIN
    FOR t, col IN VALUES ('article_sources', 'article_id'), ('quotes', 'article_id'),
        ('article_authors', 'article_id'), ('articles_fts', 'id'), ('article_ignored_words', 'article_id'),
        ('revisions', 'article_id'), ('article_events', 'article_id')
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO newsroom_contributor USING (true)', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO newsroom_contributor USING (newsroom_may_write(%I, current_user)) WITH CHECK (newsroom_may_write(%I, current_user))',
            t || '_write', t, col, col);
    END LOOP;
END $$;

-- Locks: anyone takes a free lock for themselves; editors (and the
-- storage's own rules) take over.
ALTER TABLE article_locks ENABLE ROW LEVEL SECURITY;
CREATE POLICY article_locks_read ON article_locks FOR SELECT TO newsroom_contributor USING (true);
CREATE POLICY article_locks_write ON article_locks FOR ALL TO newsroom_contributor USING (true)
    WITH CHECK (login = current_user::text OR newsroom_may_write(article_id, current_user));

-- Tables later migrations add: readable by the staff, writable by editors,
-- unless those migrations say otherwise.
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO newsroom_contributor;
ALTER DEFAULT PRIVILEGES GRANT INSERT, UPDATE, DELETE ON TABLES TO newsroom_editor;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO newsroom_contributor;
