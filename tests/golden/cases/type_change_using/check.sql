DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM items WHERE qty = 42 AND flag AND n = '7') THEN
    RAISE EXCEPTION 'row lost';
  END IF;
END $$;
