// shop: an application built against the installed Flick package (find_package(flick)). It
// applies its migration folder with the toolkit API, then reads and writes its tables through the
// typed header `flick codegen` wrote at build time (flick_codegen in CMakeLists.txt).
//
// Usage: shop <flick.toml path> <database url>
// Meant for a fresh database: it requires the migrations to apply the first time. Prints
// "shop: ok" and exits 0 when every check passes; otherwise says what it expected and exits 1.

#include <cstdint>
#include <exception>
#include <flick/client.hpp>
#include <flick/toolkit.hpp>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "shop/schema.hpp"

namespace {

namespace client = ::flick::client;
namespace db = ::shop::db;
namespace toolkit = ::flick::toolkit;

// The migration folder's journal: examples/consumer/drizzle/meta/_journal.json.
const std::vector<std::string> kJournalTags = {"0000_init", "0001_add_note"};

// A check that did not hold. Thrown (not exited on) so that an open transaction rolls back.
class CheckFailed : public std::exception {
 public:
  explicit CheckFailed(std::string message) : message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string message_;
};

// Thrown on purpose to make run_transaction roll back.
struct IntentionalRollback {};

void check(bool condition, const std::string& expected) {
  if (!condition) throw CheckFailed("expected " + expected);
}

template <class T>
std::string describe(const std::vector<T>& values) {
  std::ostringstream out;
  out << "[";
  for (std::size_t i = 0; i < values.size(); ++i) out << (i > 0 ? ", " : "") << values[i];
  out << "]";
  return out.str();
}

template <class T, class U>
void check_equal(const T& actual, const U& expected, const std::string& what) {
  if (actual == expected) return;
  std::ostringstream message;
  message << "expected " << what << " to be " << expected << ", got " << actual;
  throw CheckFailed(message.str());
}

// The only row a statement returned.
template <class Row>
Row single(std::vector<Row> rows, const std::string& what) {
  check_equal(rows.size(), std::size_t{1}, "the number of rows " + what + " returned");
  return std::move(rows.front());
}

void apply_migrations(const toolkit::Project& project) {
  toolkit::CheckReport folder = toolkit::check(project);
  for (const toolkit::Finding& finding : folder.findings) {
    std::cerr << "shop: check: " << finding.rule << ": " << finding.file << ": " << finding.message
              << "\n";
  }
  check(folder.ok(), "flick check to find no error in the migration folder");

  toolkit::MigrateReport first = toolkit::migrate(project);
  if (first.failure) {
    throw CheckFailed("expected the migrations to apply; " + first.failure->file + ":" +
                      std::to_string(first.failure->statement.line) + ": " +
                      first.failure->message);
  }
  check(first.ok(), "the first migrate to succeed");
  if (first.applied != kJournalTags) {
    throw CheckFailed("expected the first migrate to apply " + describe(kJournalTags) +
                      " on a fresh database, got " + describe(first.applied));
  }
  std::cout << "shop: migrated " << describe(first.applied) << "\n";

  toolkit::MigrateReport again = toolkit::migrate(project);
  check(again.ok(), "the second migrate to succeed");
  if (!again.applied.empty()) {
    throw CheckFailed("expected the second migrate to apply nothing, got " +
                      describe(again.applied));
  }

  toolkit::StatusReport status = toolkit::status(project);
  check_equal(status.entries.size(), kJournalTags.size(), "the number of journal entries");
  check_equal(status.pending(), std::size_t{0}, "the number of pending migrations");
  for (std::size_t i = 0; i < status.entries.size(); ++i) {
    const toolkit::EntryStatus& entry = status.entries[i];
    check_equal(entry.tag, kJournalTags[i], "journal entry " + std::to_string(i));
    check(entry.state == toolkit::EntryState::kApplied, entry.tag + " to be applied");
  }
  std::cout << "shop: status: " << status.entries.size() << " applied, 0 pending\n";
}

struct Placed {
  db::CustomersRow customer;
  db::OrdersRow first;
  db::OrdersRow second;
};

// Writes a customer and two orders in one transaction; the second order through a nested
// run_transaction that joins the outer one (the parent argument).
Placed place_orders(client::Pool& pool) {
  return pool.run_transaction([&](client::Transaction& tx) {
    Placed placed;
    placed.customer =
        single(tx.insert(db::customers)
                   .values(db::CustomersInsert{.email = "ada@shop.test", .name = "Ada Lovelace"})
                   .returning(),
               "INSERT INTO customers");
    check(placed.customer.id != client::Uuid{}, "customers.id to get its DEFAULT uuid");
    check_equal(placed.customer.email, "ada@shop.test", "customers.email");

    placed.first =
        single(tx.insert(db::orders)
                   .values(db::OrdersInsert{.customer_id = placed.customer.id, .total_cents = 1250})
                   .returning(),
               "the first INSERT INTO orders");
    check(placed.first.id > 0, "orders.id to come from its identity");
    check(placed.first.status == db::OrderStatus::kPending,
          "orders.status to take its DEFAULT 'pending'");
    check(!placed.first.note.has_value(), "orders.note to be NULL");

    placed.second = pool.run_transaction(
        [&](client::Transaction& joined) {
          check(&joined == &tx, "run_transaction with a parent to run on the parent transaction");
          check_equal(joined.depth(), 0, "the joined transaction's depth");
          return single(joined.insert(db::orders)
                            .values(db::OrdersInsert{.customer_id = placed.customer.id,
                                                     .status = db::OrderStatus::kPaid,
                                                     .total_cents = 499,
                                                     .note = "gift wrap"})
                            .returning(),
                        "the second INSERT INTO orders");
        },
        &tx);

    // Both orders are visible inside the transaction, before it commits.
    std::vector<db::OrdersRow> inside =
        tx.select(db::orders).where(db::orders.customer_id == placed.customer.id).all();
    check_equal(inside.size(), std::size_t{2}, "the orders seen inside the transaction");
    return placed;
  });
}

// Reads back what place_orders committed through the typed select.
void read_back(client::Pool& pool, const Placed& placed) {
  std::optional<db::CustomersRow> customer =
      pool.select(db::customers).where(db::customers.email == "ada@shop.test").first();
  check(customer.has_value(), "the customer ada@shop.test to be committed");
  check(*customer == placed.customer, "the customer read back to equal the one inserted");

  std::vector<db::OrdersRow> orders = pool.select(db::orders)
                                          .where(db::orders.customer_id == placed.customer.id)
                                          .order_by(db::orders.id)
                                          .all();
  check_equal(orders.size(), std::size_t{2}, "the number of orders committed");
  check(orders[0] == placed.first, "the first order read back to equal the one inserted");
  check(orders[1] == placed.second, "the second order read back to equal the one inserted");
  check(orders[1].status == db::OrderStatus::kPaid, "the second order's status to be 'paid'");
  check_equal(orders[1].note.value_or("<NULL>"), "gift wrap", "the second order's note");
  check_equal(orders[0].total_cents + orders[1].total_cents, 1749, "the orders' total_cents sum");

  std::vector<db::OrdersRow> paid =
      pool.select(db::orders).where(db::orders.status == db::OrderStatus::kPaid).all();
  check_equal(paid.size(), std::size_t{1}, "the number of paid orders");
  std::cout << "shop: 1 customer, " << orders.size() << " orders committed and read back\n";
}

// An exception thrown inside run_transaction rolls the transaction back.
void rolls_back(client::Pool& pool) {
  bool rolled_back = false;
  try {
    pool.run_transaction([&](client::Transaction& tx) {
      tx.insert(db::customers)
          .values(db::CustomersInsert{.email = "gone@shop.test", .name = "Rolled Back"})
          .run();
      check(tx.select(db::customers)
                .where(db::customers.email == "gone@shop.test")
                .first()
                .has_value(),
            "the insert to be visible inside its transaction");
      throw IntentionalRollback{};
    });
  } catch (const IntentionalRollback&) {
    rolled_back = true;
  }
  check(rolled_back, "run_transaction to rethrow the callback's exception");
  check(!pool.select(db::customers).where(db::customers.email == "gone@shop.test").first(),
        "the customer inserted before the exception to be rolled back");
  std::vector<db::CustomersRow> customers = pool.select(db::customers).all();
  check_equal(customers.size(), std::size_t{1}, "the number of customers after the rollback");
  std::cout << "shop: a throwing transaction was rolled back\n";
}

// toolkit::drift: none after the migrations; a column added behind the folder's back is named,
// with the SQL that reconciles it.
void detects_drift(const toolkit::Project& project, client::Pool& pool) {
  toolkit::DriftReport clean = toolkit::drift(project);
  check(!clean.drifted(), "no drift right after migrate, against " + clean.against);
  pool.query("ALTER TABLE customers ADD COLUMN loyalty_points integer");
  toolkit::DriftReport drifted = toolkit::drift(project);
  check(drifted.drifted(), "drift once customers has a column the folder does not");
  bool named = false;
  for (const std::string& difference : drifted.differences) {
    named = named || difference.find("loyalty_points") != std::string::npos;
  }
  check(named, "a difference naming customers.loyalty_points");
  bool drops = false;
  for (const std::string& statement : drifted.sql) {
    drops = drops || statement.find("DROP COLUMN \"loyalty_points\"") != std::string::npos;
  }
  check(drops, "reconciling SQL that drops loyalty_points");
  pool.query("ALTER TABLE customers DROP COLUMN loyalty_points");
  check(!toolkit::drift(project).drifted(), "no drift once the column is gone again");
  std::cout << "shop: drift detected and cleared\n";
}

// toolkit::down: undoing 0001_add_note would drop orders.note, which holds "gift wrap": refused
// without accept_data_loss (nothing changes), undone with it; migrate then re-applies it.
void undoes_and_redoes(const toolkit::Project& project) {
  std::size_t planned_steps = 0;
  toolkit::DownReport refused = toolkit::down(
      project, {.run = true, .on_plan = [&](const std::vector<toolkit::UndoStep>& steps) {
                  planned_steps = steps.size();
                }});
  check(refused.outcome == toolkit::DownOutcome::kRefusedDataLoss,
        "down to refuse dropping orders.note, which holds data");
  check_equal(planned_steps, std::size_t{1}, "the steps shown before anything ran");
  check_equal(refused.steps.front().tag, kJournalTags[1], "the migration down undoes");
  bool drops_note = false;
  for (const std::string& statement : refused.steps.front().statements) {
    drops_note = drops_note || statement.find("DROP COLUMN \"note\"") != std::string::npos;
  }
  check(drops_note, "the undo SQL to drop orders.note");
  check_equal(toolkit::status(project).pending(), std::size_t{0}, "pending after a refused down");

  std::vector<std::string> undone;
  toolkit::DownReport done = toolkit::down(
      project, {.run = true, .accept_data_loss = true, .on_undone = [&](const std::string& tag) {
                  undone.push_back(tag);
                }});
  check(done.outcome == toolkit::DownOutcome::kUndone, "down with accept_data_loss to run");
  check(undone == std::vector<std::string>{kJournalTags[1]}, "0001_add_note undone");
  check_equal(toolkit::status(project).pending(), std::size_t{1}, "pending after down");
  toolkit::MigrateReport again = toolkit::migrate(project);
  check(again.ok() && again.applied == std::vector<std::string>{kJournalTags[1]},
        "migrate to re-apply 0001_add_note");
  std::cout << "shop: down refused, undone, re-applied\n";
}

int run(const std::string& config, const std::string& url) {
  toolkit::Project project = toolkit::Project::load({.config = config, .url = url});
  apply_migrations(project);

  client::Pool pool({.url = url, .size = 2});
  Placed placed = place_orders(pool);
  read_back(pool, placed);
  rolls_back(pool);
  detects_drift(project, pool);
  undoes_and_redoes(project);
  std::cout << "shop: ok\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: shop <flick.toml path> <database url>\n";
    return 2;
  }
  try {
    return run(argv[1], argv[2]);
  } catch (const CheckFailed& failure) {
    std::cerr << "shop: " << failure.what() << "\n";
  } catch (const flick::UserError& error) {
    std::cerr << "shop: bad input: " << error.what() << "\n";
  } catch (const flick::EnvironmentError& error) {
    std::cerr << "shop: environment: " << error.what() << "\n";
  } catch (const client::Error& error) {
    std::cerr << "shop: database error: " << error.what() << "\n";
  } catch (const std::exception& error) {
    std::cerr << "shop: " << error.what() << "\n";
  }
  return 1;
}
