-- Review: list filters for notes, and the database's own guard that a signed note is frozen.

-- GET /v1/notes?status=&clinicianRef= pages newest first within an organisation.
CREATE INDEX notes_org_status_created_idx ON notes (org_id, status, created_at DESC, id DESC);
CREATE INDEX notes_org_clinician_created_idx ON notes (org_id, clinician_ref, created_at DESC, id DESC);

-- A note is signed exactly when it carries a signature.
ALTER TABLE notes ADD CONSTRAINT notes_signature_iff_signed CHECK ((status = 'signed') = (signature IS NOT NULL));

-- A signed note never changes again, whatever code path tries (the API answers 409 NOTE_SIGNED
-- before it gets here; this is the backstop). 0003's CHECK already keeps ai_generated true.
CREATE FUNCTION notes_signed_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'note % is signed and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes
  FOR EACH ROW EXECUTE FUNCTION notes_signed_frozen();
