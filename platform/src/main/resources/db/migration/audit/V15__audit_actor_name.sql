-- The name the actor's sign-in gives (or a partner system's client), so that a person whose edit
-- meets a newer version can be told who made it. Entries before this have none.
ALTER TABLE audit_event ADD COLUMN actor_name text;
