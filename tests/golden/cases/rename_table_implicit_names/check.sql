INSERT INTO memos (slug) VALUES ('c');
DO $$ BEGIN
  IF (SELECT max(id) FROM memos) <> 3 OR (SELECT count(*) FROM memos) <> 3 THEN
    RAISE EXCEPTION 'rows or sequence lost';
  END IF;
END $$;
