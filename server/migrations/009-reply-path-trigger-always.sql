-- Withdraws 008: imports give paths by the row trigger again. Measured by the import
-- process's CPU time (2026-12-07, 50,000 comments, three runs each), the trigger costs an
-- import 2–6%, and paths computed by the importer cost as much, so the trigger's single
-- definition of a path is kept for every writer. Back to 007's trigger, without the check.
DROP TRIGGER comments_reply_path ON comments;
CREATE TRIGGER comments_reply_path BEFORE INSERT ON comments
  FOR EACH ROW EXECUTE FUNCTION colloquy_reply_path();
ALTER TABLE comments DROP CONSTRAINT comments_path_ends_with_seq;
