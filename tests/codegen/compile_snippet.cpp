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
#endif
}
