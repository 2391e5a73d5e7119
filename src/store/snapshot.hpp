#pragma once

// meta/NNNN_snapshot.json: drizzle-kit's picture of the whole schema after a migration.
// read_snapshot() accepts the PostgreSQL formats drizzle-kit itself accepts (versions "5" with
// dialect "pg", "6" and "7" with dialect "postgresql"); snapshot_json() writes version "7" with
// exactly drizzle-kit 0.31's keys, key order and value shapes.

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flick/model.hpp"
#include "store/json_format.hpp"

namespace flick::store {

// An entry of the snapshot's top-level "policies": a policy on a table the schema does not
// define (drizzle's pgPolicy(...).link(table) on an existing table).
struct StandalonePolicy {
  model::Policy policy;
  std::string schema;  // the table's schema
  std::string on;      // the table, quoted and qualified: "public"."users"

  bool operator==(const StandalonePolicy&) const = default;
};

// drizzle's "_meta": renames confirmed when the migration was generated, so a later generate
// can tell a rename from a drop and a create. Keys and values are drizzle's spellings: schema
// "name", table "\"schema\".\"table\"", column "\"schema\".\"table\".\"column\"".
struct RenameMeta {
  using Renames = std::vector<std::pair<std::string, std::string>>;
  Renames schemas;
  Renames tables;
  Renames columns;
  // Order of the three keys as read. drizzle-kit 0.31's generate writes columns, schemas, tables.
  std::vector<std::string> key_order = {"columns", "schemas", "tables"};

  bool operator==(const RenameMeta&) const = default;
};

// What drizzle records about a view that the model does not hold.
struct ViewDetails {
  nlohmann::ordered_json columns = nlohmann::ordered_json::object();  // drizzle's selected fields
  bool is_existing = false;                                           // .existing() views
  std::optional<std::string> tablespace;
  std::optional<std::string> using_method;  // materialized view access method
  bool with_no_data_key = false;            // "withNoData" was present although false

  bool operator==(const ViewDetails&) const = default;
};

// An original drizzle spelling of a value the model stores normalised (a type, a default, an
// expression). When the model still holds `canonical` at the same place, the original is
// written back instead, so reading and writing an unchanged snapshot gives identical bytes.
struct Spelling {
  std::string canonical;
  nlohmann::ordered_json original;

  bool operator==(const Spelling&) const = default;
};

// The order of keys in a snapshot file. drizzle-kit's generate builds objects in one order
// (kGenerate); when it writes back a snapshot it has parsed, as `generate --custom` does with the
// previous snapshot, every object's keys come in its zod schema's order instead (kParsed).
enum class SnapshotKeyOrder { kGenerate, kParsed };

struct Snapshot {
  std::string id;       // a random UUID
  std::string prev_id;  // the id of the previous snapshot, or kNilUuid for the first
  // Version and dialect as read; snapshot_json() always writes "7" and "postgresql".
  std::string version = "7";
  std::string dialect = "postgresql";
  // As read: not passed through model::normalise(). Its roles are the snapshot's "roles" (their
  // other attributes are in the objects file).
  model::Catalog catalog;
  std::vector<StandalonePolicy> policies;
  RenameMeta meta;

  // Round-trip details of a read snapshot; a snapshot built from a model leaves them empty.
  std::map<std::string, ViewDetails> view_details;  // by "schema.view"
  // Key order of "with" objects (drizzle keeps the TypeScript order; the model sorts), by
  // location, e.g. "public.users/indexes/users_email_idx/with" or "public.v/with". A location
  // present here is written even when its object is empty.
  std::map<std::string, std::vector<std::string>> with_key_order;
  std::map<std::string, Spelling> spellings;       // by location, e.g. "public.users/id/default"
  std::optional<nlohmann::ordered_json> internal;  // drizzle's "internal" (written by pull)
  JsonLayout layout = JsonLayout::kDrizzleKit;
  SnapshotKeyOrder key_order = SnapshotKeyOrder::kGenerate;
  // read_snapshot found the objects file beside it (objects_path_for): the catalog's
  // extensions, functions and triggers are recorded. False for drizzle-kit's snapshots, which
  // say nothing about them.
  bool objects_recorded = false;

  bool operator==(const Snapshot&) const = default;
};

// Parses a snapshot text. Types are canonicalised with sqlparse::canonical_type, expressions
// with sqlparse::normalise_expression / normalise_query. Throws flick::UserError naming
// `file_name` and the key path on malformed JSON, an unknown key, a wrong type, an unsupported
// version or a non-PostgreSQL dialect. A text with simdjson's padding past its end (the strings
// files::read_input_file returns have it: files::kSpareCapacity) is parsed where it is, any other
// is copied into the parser's buffer first.
Snapshot parse_snapshot(const std::string& text, const std::string& file_name);
// parse_snapshot reading nlohmann's tree of the text, as parse_snapshot itself does for the texts
// simdjson's document leaves to nlohmann (duplicated keys and the like); the same result or error
// as parse_snapshot for every text.
Snapshot parse_snapshot_from_tree(std::string_view text, const std::string& file_name);

struct SnapshotIds {
  std::string id;
  std::string prev_id;
};
// The top-level "id" and "prevId" of the snapshot file at `path`, scanning the whole file without
// building a tree (a file truncated after its ids is malformed); std::nullopt when the file cannot
// be read, is not whole JSON or has no id.
std::optional<SnapshotIds> read_snapshot_ids(const std::filesystem::path& path);

// Reads and parses the snapshot file at `path`, and the objects file beside it when there is one.
Snapshot read_snapshot(const std::filesystem::path& path);

// What drizzle's snapshot format cannot hold (extensions, functions and procedures, triggers)
// lives beside the snapshot: meta/_flick/<prefix>_objects.json (drizzle-kit skips meta entries
// starting with '_'). A folder writes it for every snapshot once any schema had such objects.
std::filesystem::path objects_path_for(const std::filesystem::path& snapshot_path);
bool has_objects(const model::Catalog& catalog);
std::string objects_json(const model::Catalog& catalog);
// Adds the objects file's extensions, functions and triggers to `catalog` (the snapshot's).
// Throws flick::UserError naming the file when it is malformed.
void read_objects(const std::filesystem::path& path, model::Catalog& catalog);

// Copies `previous`'s round-trip details (spellings, "with" key orders, view details, layout)
// into `next`, a snapshot built from a model. Values that did not change keep the spelling and
// order drizzle gave them, so a migration's snapshot differs from the previous one only where the
// schema changed.
void inherit_round_trip_details(Snapshot& next, const Snapshot& previous);

// The snapshot as drizzle-kit 0.31 writes it (version "7", dialect "postgresql"), in the
// snapshot's layout. Model features drizzle cannot express are written under extra keys, only
// when present: column and table "comment", index "include" and "nullsNotDistinct", index
// element "opclass" on expressions. (drizzle-kit rejects a snapshot carrying them.)
std::string snapshot_json(const Snapshot& snapshot);

// snapshot_json's text handed to `sink` in pieces as it is written (a 64 KiB buffer instead of
// the whole text). False when the text is not all the sink got: the snapshot's shape needs the
// whole text first (a parsed key order, a key written twice) - the caller then discards what
// the sink got and uses snapshot_json.
bool stream_snapshot_json(const Snapshot& snapshot,
                          const std::function<void(std::string_view)>& sink);

}  // namespace flick::store
