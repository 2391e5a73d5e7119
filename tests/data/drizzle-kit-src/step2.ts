// Step 2 (from step 1): column changes - add/drop column, type change, set/drop default,
// set/drop not null, enum value appended.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, char, check, cidr, date, doublePrecision, foreignKey, index, inet,
  integer, interval, json, jsonb, macaddr, numeric, pgEnum, pgMaterializedView, pgPolicy, pgSchema,
  pgSequence, pgTable, pgView, primaryKey, real, serial, smallint, smallserial, text, time,
  timestamp, unique, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';

export const audit = pgSchema('audit');

export const moodEnum = pgEnum('mood', ['sad', 'ok', 'happy', 'ecstatic']);
export const levelEnum = audit.enum('level', ['debug', 'info', 'warn']);

export const counterSeq = pgSequence('counter_seq', {
  startWith: 100, increment: 5, minValue: 1, maxValue: 100000, cache: 10, cycle: true,
});
export const auditSeq = audit.sequence('audit_seq');

export const allTypes = pgTable('all_types', {
  id: serial('id').primaryKey(),
  colInteger: bigint('col_integer', { mode: 'number' }),
  colSmallint: smallint('col_smallint'),
  colBigint: bigint('col_bigint', { mode: 'number' }),
  colBigserial: bigserial('col_bigserial', { mode: 'number' }),
  colSmallserial: smallserial('col_smallserial'),
  colBoolean: boolean('col_boolean').notNull(),
  colText: text('col_text').default('x'),
  colVarcharN: varchar('col_varchar_n', { length: 50 }),
  colVarchar: varchar('col_varchar'),
  colCharN: char('col_char_n', { length: 3 }),
  colNumericPs: numeric('col_numeric_ps', { precision: 10, scale: 2 }),
  colNumericP: numeric('col_numeric_p', { precision: 12, scale: 4 }),
  colReal: real('col_real'),
  colDouble: doublePrecision('col_double'),
  colDate: date('col_date'),
  colTime: time('col_time'),
  colTimePtz: time('col_time_ptz', { precision: 3, withTimezone: true }),
  colTimestamp: timestamp('col_timestamp', { withTimezone: true }),
  colTimestamp3tz: timestamp('col_timestamp3tz', { precision: 3, withTimezone: true }),
  colInterval: interval('col_interval'),
  colUuid: uuid('col_uuid'),
  colJson: json('col_json'),
  colJsonb: jsonb('col_jsonb'),
  colInet: inet('col_inet'),
  colCidr: cidr('col_cidr'),
  colTextArray: varchar('col_text_array', { length: 40 }).array(),
  colIntArray: integer('col_int_array').array(),
  colMood: moodEnum('col_mood'),
  colLevel: levelEnum('col_level'),
});

export const defaults = pgTable('defaults', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({
    name: 'defaults_id_custom_seq', startWith: 10, increment: 2, minValue: 1, maxValue: 1000000,
    cache: 5, cycle: false,
  }),
  seqNo: bigint('seq_no', { mode: 'number' }).generatedByDefaultAsIdentity(),
  smallId: smallint('small_id').generatedByDefaultAsIdentity({ startWith: 3 }),
  dInt: integer('d_int').default(43),
  dNeg: integer('d_neg').default(-7),
  dReal: real('d_real').default(2.5),
  dNumeric: numeric('d_numeric', { precision: 10, scale: 2 }).default('9.99'),
  dBool: boolean('d_bool').default(true).notNull(),
  dBoolFalse: boolean('d_bool_false').default(false),
  dText: text('d_text'),
  dQuote: text('d_quote').default("it's"),
  dVarchar: varchar('d_varchar', { length: 10 }).default('v'),
  dNow: timestamp('d_now').defaultNow().notNull(),
  dSqlNow: timestamp('d_sql_now', { withTimezone: true }).default(sql`now()`),
  dRandom: uuid('d_random').defaultRandom(),
  dSqlExpr: integer('d_sql_expr').default(sql`(2 + 3)`),
  dJson: json('d_json').default({ a: 1, b: 'x' }),
  dJsonb: jsonb('d_jsonb').default([1, 2]),
  dTextArr: text('d_text_arr').array().default(['a', 'b']),
  dIntArr: integer('d_int_arr').array().default([1, 2, 3]),
  dEmptyArr: text('d_empty_arr').array().default(sql`'{}'::text[]`),
  dEnum: moodEnum('d_enum').default('ok'),
  dDate: date('d_date').default('2024-01-01'),
  dBigint: bigint('d_bigint', { mode: 'number' }).default(9007199254740991),
  gen: text('gen').generatedAlwaysAs(sql`'x' || 'y'`),
  genFromCols: integer('gen_from_cols').generatedAlwaysAs(sql`d_int * 2`),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  handle: text('handle').unique('users_handle_key_custom', { nulls: 'not distinct' }),
  orgId: integer('org_id').notNull(),
  teamId: integer('team_id').notNull(),
  age: integer('age'),
  name: text('name'),
  bio: text('bio').default('').notNull(),
  score: integer('score'),
  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull(),
  mood: moodEnum('mood').default('ok'),
}, (t) => [
  unique('users_org_name_unique').on(t.orgId, t.name).nullsNotDistinct(),
  unique().on(t.teamId, t.age),
  check('users_age_check', sql`${t.age} >= 0 AND ${t.age} < 200`),
  index('users_name_idx').on(t.name),
  uniqueIndex('users_lower_email_idx').on(sql`lower(${t.email})`),
  index('users_created_desc_idx').on(t.createdAt.desc().nullsFirst(), t.id),
  index('users_handle_pattern_idx').using('btree', t.handle.op('text_pattern_ops')),
  index('users_name_partial_idx').on(t.name).where(sql`${t.age} > 18`),
  index('users_org_conc_idx').on(t.orgId).concurrently(),
  index('users_name_hash_idx').using('hash', t.name),
  index('users_with_idx').on(t.teamId).with({ fillfactor: 70 }),
  pgPolicy('users_select_policy', { as: 'permissive', for: 'select', to: 'public', using: sql`true` }),
  pgPolicy('users_insert_policy', {
    as: 'restrictive', for: 'insert', to: ['current_user'], withCheck: sql`${t.age} > 0`,
  }),
]).enableRLS();

export const orgs = pgTable('orgs', {
  id: integer('id').notNull(),
  teamId: integer('team_id').notNull(),
  title: text('title').notNull(),
}, (t) => [
  primaryKey({ columns: [t.id, t.teamId] }),
]);

export const memberships = pgTable('memberships', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  orgId: integer('org_id').notNull(),
  teamId: integer('team_id').notNull(),
  role: text('role').default('member').notNull(),
}, (t) => [
  primaryKey({ name: 'memberships_custom_pk', columns: [t.userId, t.orgId] }),
  foreignKey({
    name: 'memberships_org_fk', columns: [t.orgId, t.teamId], foreignColumns: [orgs.id, orgs.teamId],
  }).onDelete('set null').onUpdate('restrict'),
]);

export const auditLog = audit.table('log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'no action', onUpdate: 'cascade' }),
  level: levelEnum('level').default('info').notNull(),
  mood: moodEnum('mood').notNull(),
  message: text('message').notNull(),
  payload: jsonb('payload').default(sql`'{}'::jsonb`),
  at: timestamp('at').defaultNow(),
}, (t) => [
  index('log_payload_gin_idx').using('gin', t.payload),
  index('log_at_idx').on(t.at.asc().nullsLast()),
]);

export const auditRef = audit.table('ref', {
  id: integer('id').primaryKey(),
  logId: bigint('log_id', { mode: 'number' }),
}, (t) => [
  foreignKey({ columns: [t.logId], foreignColumns: [auditLog.id] }).onDelete('set default'),
]);

export const activeUsers = pgView('active_users').with({ securityBarrier: true, checkOption: 'local' })
  .as((qb) => qb.select({ id: users.id, email: users.email }).from(users).where(sql`${users.age} > 18`));

export const rawView = pgView('raw_view', { id: integer('id'), title: text('title') })
  .as(sql`select id, title from orgs`);

export const auditView = audit.view('recent_log').as((qb) => qb.select().from(auditLog));

export const userCounts = pgMaterializedView('user_counts')
  .as((qb) => qb.select({ mood: users.mood, n: sql<number>`count(*)`.as('n') }).from(users).groupBy(users.mood));

export const matNoData = pgMaterializedView('mat_no_data', { one: integer('one') }).withNoData()
  .as(sql`select 1 as one`);
