DO $$ BEGIN
  IF (SELECT string_agg(status || '/' || active, ',' ORDER BY id) FROM users) <> 'new/true,old/false' THEN
    RAISE EXCEPTION 'rows changed';
  END IF;
END $$;
