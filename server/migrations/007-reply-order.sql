-- A conversation's reading order (depth first, oldest first) as an index: each comment's
-- path is its ancestors' seqs then its own, and bigint arrays sort element by element with
-- a prefix first, so `ORDER BY path` within a root lists a conversation as pages do.
-- A batch of replies (GET …/comments/{comment}/replies) is then a range scan after the
-- last path sent, whatever the conversation's size.
ALTER TABLE comments ADD COLUMN path bigint[];

UPDATE comments AS c SET path = ordered.path
FROM (
  WITH RECURSIVE walk AS (
    SELECT id, ARRAY[seq] AS path FROM comments WHERE parent_id IS NULL
    UNION ALL
    SELECT child.id, walk.path || child.seq FROM comments child JOIN walk ON child.parent_id = walk.id
  )
  SELECT id, path FROM walk
) AS ordered
WHERE c.id = ordered.id;

-- Every writer (posts, imports, the bench seed) gets it for free: the parent is stored first.
CREATE FUNCTION colloquy_reply_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := ARRAY[NEW.seq];
  ELSE
    NEW.path := (SELECT p.path FROM comments p WHERE p.id = NEW.parent_id) || NEW.seq;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER comments_reply_path BEFORE INSERT ON comments
  FOR EACH ROW EXECUTE FUNCTION colloquy_reply_path();

CREATE INDEX comments_reading_order ON comments (root_id, path);
-- Held replies that hide what hangs under them from other viewers, found per conversation.
CREATE INDEX comments_pending_by_root ON comments (root_id) WHERE status = 'pending';
