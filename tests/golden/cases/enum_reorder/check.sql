DO $$ BEGIN
  IF (SELECT string_agg(size::text, ',' ORDER BY size) FROM shirts) <> 'medium,large' THEN
    RAISE EXCEPTION 'rows changed';
  END IF;
END $$;
