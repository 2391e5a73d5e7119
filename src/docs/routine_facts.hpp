#pragma once

// What the pages show of a function, aggregate or trigger, read from the model's canonical forms
// (built by ddl from a schema file or from what PostgreSQL prints, so both read the same):
// Function::canonical "FUNCTION(<parameters>) RETURNS <result> LANGUAGE <language> <options> AS
// <body>" and Trigger::canonical, the CREATE TRIGGER statement as libpg_query deparses it with
// the name "trigger", the table "t" and the function schema-qualified. Anything else reads as not
// parsed (`parsed` false) and the pages fall back to the statement text.

#include <string>
#include <utility>
#include <vector>

#include "flick/model.hpp"

namespace flick::docs {

struct RoutineFacts {
  bool parsed = false;
  // The parameter list with names, modes and defaults ("d date, n integer DEFAULT 1"); for an
  // aggregate its argument types.
  std::string parameters;
  std::string volatility = "volatile";  // "immutable" | "stable" | "volatile"
  bool strict = false;
  bool security_definer = false;
  bool leakproof = false;
  bool window = false;
  std::string parallel = "unsafe";  // "safe" | "restricted" | "unsafe"
  std::string cost;                 // "" = PostgreSQL's default
  std::string rows;                 // "" = PostgreSQL's default
  std::string support;
  std::vector<std::string> settings;  // "SET search_path TO public, pg_temp", in name order
  // An aggregate's options ("sfunc", "_cat"), in key order, PostgreSQL's defaults left out.
  std::vector<std::pair<std::string, std::string>> aggregate_options;
};

RoutineFacts routine_facts(const model::Function& function);

struct TriggerFacts {
  bool parsed = false;
  bool constraint = false;    // CREATE CONSTRAINT TRIGGER
  std::string timing;         // "BEFORE" | "AFTER" | "INSTEAD OF"
  std::string events;         // "INSERT OR UPDATE OF email, home", as deparsed
  bool for_each_row = false;  // else FOR EACH STATEMENT
  std::string when;           // the WHEN condition without its parentheses; "" when none
  std::string referencing;    // "OLD TABLE gone"; "" when none
  std::string options;        // what sits between ON t and the level: "DEFERRABLE INITIALLY ..."
  std::string function_schema;
  std::string function_name;
  std::string function_arguments;  // the arguments passed, as written ("'a', '1'")
};

TriggerFacts trigger_facts(const model::Trigger& trigger);

// True when `sql` (a view definition, a default or check expression) calls a routine named
// `name` (unqualified, or qualified with `schema`); string literals do not count. The text does
// not say which overload.
bool calls_routine(const std::string& sql, const std::string& schema, const std::string& name);

}  // namespace flick::docs
