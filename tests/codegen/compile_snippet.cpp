// Compiled by the codegen_compile_* tests against the golden header: case 0 must compile; every
// other case is a type error the query builder must reject at compile time.

#include "small_schema.hpp"

#ifndef SNIPPET_CASE
#error "define SNIPPET_CASE"
#endif

using namespace small;

void snippet(flick::client::Executor& db) {
#if SNIPPET_CASE == 0
  db.select(user_accounts).where(user_accounts.email == "a@b.c").first();
  db.select(user_accounts)
      .where(user_accounts.age >= 18 && user_accounts.mood == Mood::kHappy)
      .all();
  db.insert(user_accounts)
      .values(UserAccountsInsert{
          .display_name = "A", .email = "a@b.c", .active = true, .scores = {1, 2}})
      .returning();
  db.update(user_accounts)
      .set(user_accounts.tags, std::nullopt)
      .where(user_accounts.active == true)
      .run();
  db.insert(billing_invoices)
      .values(BillingInvoicesInsert{.account = {}, .plan = BillingPlan::kPro, .cents = 100})
      .run();
  db.delete_from(billing_invoices).where(billing_invoices.number > 3).returning();
  // Composite types: a struct as a column value, a parameter and an array element.
  Address home{.street = "1 Main St", .class_ = Mood::kHappy, .lines = {{"a", "b"}}};
  db.update(user_accounts).set(user_accounts.home, home).where(user_accounts.home == home).run();
  BillingLine line{.item = "pen", .cents = 250, .ship_to = home};
  db.insert(billing_invoices)
      .values(BillingInvoicesInsert{.account = {},
                                    .plan = BillingPlan::kFree,
                                    .cents = 250,
                                    .lines = std::vector<BillingLine>{line},
                                    .first_line = line})
      .run();
  std::optional<BillingInvoicesRow> invoice =
      db.select(billing_invoices).where(billing_invoices.first_line == line).first();
  if (invoice && invoice->first_line && invoice->first_line->ship_to) {
    db.query("SELECT $1::text", invoice->first_line->ship_to->street);
  }
  db.query_value<Address>("SELECT home FROM \"userAccounts\" LIMIT 1");
  // Projections, joins, aggregates, the relational form and upserts over the same tables.
  db.select(user_accounts.email, flick::client::count(billing_invoices.number))
      .from(user_accounts)
      .left_join(billing_invoices, billing_invoices.account == user_accounts.id)
      .group_by(user_accounts.email)
      .all();
  db.query(billing_invoices).with(billing_invoices.account_user_accounts).all();
  db.query(user_accounts).with(user_accounts.billing_invoices).first();
  db.insert(user_accounts)
      .values(UserAccountsInsert{.display_name = "A", .email = "a", .active = true, .scores = {}})
      .on_conflict(user_accounts.email)
      .do_update_set(user_accounts.visits, user_accounts.visits + 1)
      .run();
#elif SNIPPET_CASE == 1
  db.select(user_accounts).where(user_accounts.email == 42).first();  // text column, int value
#elif SNIPPET_CASE == 2
  db.select(user_accounts).where(user_accounts.active == "yes").first();  // bool column, string
#elif SNIPPET_CASE == 3
  db.select(user_accounts).where(user_accounts.mood == BillingPlan::kPro).first();  // wrong enum
#elif SNIPPET_CASE == 4
  db.update(user_accounts).set(user_accounts.visits, "many").run();  // integer column, string
#elif SNIPPET_CASE == 5
  db.select(user_accounts).where(billing_invoices.cents == 1).first();  // another table's column
#elif SNIPPET_CASE == 6
  db.update(user_accounts).set(user_accounts.email, std::nullopt).run();  // NOT NULL column
#elif SNIPPET_CASE == 7
  db.select(user_accounts).where(user_accounts.home == BillingLine{}).first();  // other composite
#elif SNIPPET_CASE == 8
  // A projection whose WHERE uses a table that is in neither from() nor a join.
  db.select(user_accounts.email).from(user_accounts).where(billing_invoices.cents == 1).all();
#elif SNIPPET_CASE == 9
  // A join condition comparing a uuid column with a text column.
  db.select(user_accounts.email)
      .from(user_accounts)
      .join(billing_invoices, billing_invoices.account == user_accounts.email)
      .all();
#elif SNIPPET_CASE == 10
  // ON CONFLICT DO UPDATE SET an integer column to the proposed text value.
  db.insert(user_accounts)
      .values(UserAccountsInsert{.display_name = "A", .email = "a", .active = true, .scores = {}})
      .on_conflict(user_accounts.email)
      .do_update_set(user_accounts.visits, flick::client::excluded(user_accounts.email))
      .run();
#elif SNIPPET_CASE == 11
  // INSERT ... SELECT of a nullable expression into a NOT NULL column.
  db.insert(user_accounts)
      .select(db.select(user_accounts.age).from(user_accounts), user_accounts.visits)
      .run();
#elif SNIPPET_CASE == 12
  // UPDATE ... SET from another table's column without from(that table).
  db.update(user_accounts).set(user_accounts.visits, billing_invoices.cents).run();
#elif SNIPPET_CASE == 13
  // Keyset pagination over a nullable column.
  std::optional<std::tuple<std::int16_t> > after;
  db.select(user_accounts.id).from(user_accounts).keyset(false, after, user_accounts.age).all();
#elif SNIPPET_CASE == 14
  // A prepared statement run with a value of another type than it was prepared for.
  db.select(user_accounts.id)
      .from(user_accounts)
      .where(user_accounts.email == flick::client::placeholder<std::string>(1))
      .prepare<std::string>()
      .all(db, 42);
#elif SNIPPET_CASE == 15
  // UNION of different selected types.
  db.select(user_accounts.email)
      .from(user_accounts)
      .union_(db.select(billing_invoices.cents).from(billing_invoices))
      .all();
#elif SNIPPET_CASE == 16
  // An aggregate in WHERE.
  db.select(user_accounts.email).from(user_accounts).where(flick::client::count() > 1).all();
#elif SNIPPET_CASE == 17
  // with() of another table's relation.
  db.query(user_accounts).with(billing_invoices.account_user_accounts).all();
#elif SNIPPET_CASE == 18
  // DELETE ... WHERE over a table not added with using_().
  db.delete_from(user_accounts).where(billing_invoices.account == user_accounts.id).run();
#endif
}
