CREATE TYPE a_very_long_enum_type_name_that_is_exactly_sixty_three_bytes_xx AS ENUM ('c', 'b', 'a');
