CREATE TABLE measurements (
  city_id int NOT NULL,
  logdate date NOT NULL,
  peak int,
  PRIMARY KEY (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;
