#pragma once

// Option lists shared by several statements: sequence options (CREATE SEQUENCE, identity
// columns) and storage parameters (WITH (...) of indexes and views).

#include <map>
#include <string>

#include "ddl/builder.hpp"

namespace flick::ddl {

struct SequenceClauses {
  model::SequenceOptions options;
  std::string as_type;        // AS <type>, canonical; empty when not given
  std::string sequence_name;  // SEQUENCE NAME of an identity column; empty when not given
};

// Reads CREATE SEQUENCE / identity options. SEQUENCE NAME is accepted only with
// `allow_sequence_name`. Unsupported options (RESTART, OWNED BY, ...) are a UserError.
SequenceClauses read_sequence_options(Node** items, std::size_t count, bool allow_sequence_name,
                                      const Source& source);

// ALTER SEQUENCE's options: only the options listed in `items` change; RESTART and OWNED BY
// change nothing here (the caller reads OWNED BY).
void merge_sequence_options(model::SequenceOptions& options, Node** items, std::size_t count,
                            const Source& source);

// Reads `WITH (name = value, ...)` storage parameters into their text values.
std::map<std::string, std::string> read_storage_parameters(Node** items, std::size_t count,
                                                           const Source& source);

}  // namespace flick::ddl
