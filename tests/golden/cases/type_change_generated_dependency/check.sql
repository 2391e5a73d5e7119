DO $$ BEGIN
  IF (SELECT full_name FROM people WHERE id = 1) <> 'Ada Lovelace' THEN
    RAISE EXCEPTION 'generated value lost';
  END IF;
END $$;
