-- A thread's approved comments, kept by a trigger, so a page need not count the whole
-- thread on every read (a viewer's own pending comments are counted apart, by index).
ALTER TABLE threads ADD COLUMN approved_count integer NOT NULL DEFAULT 0;

UPDATE threads t SET approved_count = (SELECT count(*) FROM comments c WHERE c.thread_id = t.id AND c.status = 'approved');

CREATE FUNCTION colloquy_count_approved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
  thread text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    thread := NEW.thread_id;
    IF NEW.status = 'approved' THEN delta := 1; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    thread := OLD.thread_id;
    IF OLD.status = 'approved' THEN delta := -1; END IF;
  ELSE
    thread := NEW.thread_id;
    delta := (CASE WHEN NEW.status = 'approved' THEN 1 ELSE 0 END) - (CASE WHEN OLD.status = 'approved' THEN 1 ELSE 0 END);
  END IF;
  IF delta <> 0 THEN
    UPDATE threads SET approved_count = approved_count + delta WHERE id = thread;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER comments_count_approved AFTER INSERT OR DELETE OR UPDATE OF status ON comments
  FOR EACH ROW EXECUTE FUNCTION colloquy_count_approved();

CREATE INDEX comments_pending_by_author ON comments (thread_id, author_key) WHERE status = 'pending';
