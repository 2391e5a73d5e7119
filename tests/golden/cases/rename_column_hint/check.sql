DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE created_at = '2024-01-01') THEN
    RAISE EXCEPTION 'row lost';
  END IF;
END $$;
