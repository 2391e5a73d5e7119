DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM people WHERE feeling = 'happy' AND history = '{sad,happy}' AND other = 'sad') THEN
    RAISE EXCEPTION 'row lost';
  END IF;
END $$;
