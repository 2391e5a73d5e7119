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
#endif
}
