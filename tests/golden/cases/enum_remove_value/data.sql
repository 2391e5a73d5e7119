INSERT INTO people VALUES (1, 'happy', '{sad,happy}', 'sad');
