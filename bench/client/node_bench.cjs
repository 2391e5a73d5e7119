// node bench/client/node_bench.cjs PEERS_DIR URL COUNT REPEAT [FEED_COUNT FEED_DIR]
// The peers of flick_client_bench on the same tables (bench_items filled, bench_inserts empty):
// point selects by primary key and single-row inserts, one after another, through node-postgres
// (pg, one Client) and drizzle-orm over it. With FEED_COUNT > 0, also the feed over the Flick
// example schema flick_client_bench seeded: node-postgres running flick's SQL text (FEED_DIR/
// feed.sql), drizzle-orm's core query (innerJoin and a correlated count) and its relational
// query (findMany with the author, and again with a comment-count extra). Each tool's first result
// is checked against flick's (FEED_DIR/feed.check). Prints "case<TAB>tool<TAB>median_seconds"
// lines; each run's time and client CPU on stderr; appends the feed's median client CPU per query
// (process.cpuUsage(), microseconds) to FEED_DIR/cpu.tsv.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [peersDir, url, countText, repeatText, feedCountText, feedDir] = process.argv.slice(2);
const peer = createRequire(path.join(path.resolve(peersDir), 'package.json'));
const { Client } = peer('pg');
const { drizzle } = peer('drizzle-orm/node-postgres');
const { pgTable, pgEnum, integer, text, bigserial, uuid, boolean, timestamp } =
  peer('drizzle-orm/pg-core');
const { eq, desc, sql, relations } = peer('drizzle-orm');

const count = Number(countText);
const repeat = Number(repeatText);
const items = pgTable('bench_items', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  score: integer('score').notNull(),
});
const inserts = pgTable('bench_inserts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  score: integer('score').notNull(),
});

// The Flick example schema's feed tables (examples/flick/schema/03_users.sql, 04_posts.sql,
// 05_comments.sql), as a drizzle schema with the relations the feed uses.
const userStatus = pgEnum('user_status', ['ONBOARDING', 'ACTIVE']);
const topicEnum = pgEnum('topic_enum', [
  'Ask Flick', 'Serious Discussion', 'Career Advice', 'Showcase', 'Off-topic', 'Community Event',
  'Rant / Vent', 'Help / Support', 'Feedback / Suggestion', 'News / Update', 'Guide / Resource',
]);
const platformUser = pgTable('platform_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at').notNull().defaultNow(),
  updatedAt: timestamp('updated_at').notNull().defaultNow(),
  authId: text('auth_id').notNull().unique(),
  username: text('username').notNull().unique(),
  collegeId: uuid('college_id').notNull(),
  branch: text('branch'),
  karma: integer('karma').default(0),
  isAcceptedTerms: boolean('is_accepted_terms').notNull().default(false),
  status: userStatus('status').notNull().default('ONBOARDING'),
});
const posts = pgTable('posts', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  postedBy: uuid('postedBy').references(() => platformUser.id, { onDelete: 'cascade' }),
  topic: topicEnum('topic').notNull(),
  isPrivate: boolean('isPrivate').notNull().default(false),
  isBanned: boolean('isBanned').default(false),
  isShadowBanned: boolean('isShadowBanned').default(false),
  views: integer('views').default(0),
  createdAt: timestamp('createdAt').notNull().defaultNow(),
  updatedAt: timestamp('updatedAt').notNull().defaultNow(),
});
const comments = pgTable('comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  content: text('content').notNull(),
  postId: uuid('postId').notNull().references(() => posts.id, { onDelete: 'cascade' }),
  commentedBy: uuid('commentedBy').notNull().references(() => platformUser.id),
  isBanned: boolean('isBanned').notNull().default(false),
  parentCommentId: uuid('parentCommentId'),
  createdAt: timestamp('createdAt').notNull().defaultNow(),
  updatedAt: timestamp('updatedAt').notNull().defaultNow(),
});
const platformUserRelations = relations(platformUser, ({ many }) => ({ posts: many(posts) }));
const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(platformUser, { fields: [posts.postedBy], references: [platformUser.id] }),
  comments: many(comments),
}));
const commentsRelations = relations(comments, ({ one }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
}));
const feedSchema = {
  platformUser, posts, comments, platformUserRelations, postsRelations, commentsRelations,
};

// The fingerprint flick_client_bench writes to feed.check: "<case> <sum of comment counts or
// views> <title length> <username length> <first id>".
function fingerprint(name, rows, number, title, username, id) {
  let numbers = 0;
  let titles = 0;
  let usernames = 0;
  for (const row of rows) {
    numbers += number(row);
    titles += title(row).length;
    usernames += username(row).length;
  }
  return `${name} ${numbers} ${titles} ${usernames} ${rows.length ? id(rows[0]) : '-'}`;
}

function feedRuns(db, client, feedCount) {
  const feedSql = fs.readFileSync(path.join(feedDir, 'feed.sql'), 'utf8');
  const expected = {};
  for (const line of fs.readFileSync(path.join(feedDir, 'feed.check'), 'utf8').split('\n')) {
    if (line) expected[line.split(' ')[0]] = line;
  }
  const check = (key, got) => {
    const want = expected[got.split(' ')[0]];
    if (got !== want) throw new Error(`${key}: read ${got}, flick read ${want}`);
  };
  const feedFingerprint = (rows, commentCount) =>
    fingerprint('feed', rows, commentCount, (r) => r.title, (r) => r.username, (r) => r.id);
  const relationalFingerprint = (rows) =>
    fingerprint('relational', rows, (r) => r.views, (r) => r.title,
                (r) => (r.author ? r.author.username : ''), (r) => r.id);
  const drizzleFeed = () =>
    db.select({
      id: posts.id,
      title: posts.title,
      username: platformUser.username,
      commentCount: sql`coalesce((select count(*) from ${comments} where ${comments.postId} = ${posts.id}), 0)`.mapWith(Number),
    })
      .from(posts)
      .innerJoin(platformUser, eq(posts.postedBy, platformUser.id))
      .where(eq(posts.isPrivate, false))
      .orderBy(desc(posts.createdAt))
      .limit(50);
  const relational = (extras) =>
    db.query.posts.findMany({
      where: eq(posts.isPrivate, false),
      orderBy: [desc(posts.createdAt)],
      limit: 50,
      with: { author: true },
      ...(extras ? {
        extras: {
          commentCount:
            sql`(select count(*) from comments c where c."postId" = ${posts.id})`.as('comment_count'),
        },
      } : {}),
    });
  // The feed in drizzle-orm's relational form, the way its users write it: the same rows as the
  // typed feed (id, title, the author's username, the comment count) from findMany.
  const relationalFeed = () =>
    db.query.posts.findMany({
      columns: { id: true, title: true },
      where: eq(posts.isPrivate, false),
      orderBy: [desc(posts.createdAt)],
      limit: 50,
      with: { author: { columns: { username: true } } },
      extras: {
        commentCount:
          sql`(select count(*) from comments c where c."postId" = ${posts.id})`.as('comment_count'),
      },
    });
  // Each run reads every row the way an application would and returns a number from all of them.
  const loop = (query, sum, fingerprintOf) => async (n = feedCount) => {
    let total = 0;
    for (let i = 0; i < n; ++i) {
      const rows = await query();
      if (i === 0) fingerprintOf(rows);
      for (const row of rows) total += sum(row);
    }
    return total;
  };
  return {
    'client-feed\tnode-postgres': loop(async () => (await client.query(feedSql, [false])).rows,
      (r) => Number(r.comment_count) + r.title.length + r.username.length,
      (rows) => check('client-feed node-postgres',
                      feedFingerprint(rows, (r) => Number(r.comment_count)))),
    'client-feed\tdrizzle-orm': loop(drizzleFeed,
      (r) => r.commentCount + r.title.length + r.username.length,
      (rows) => check('client-feed drizzle-orm', feedFingerprint(rows, (r) => r.commentCount))),
    'client-feed\tdrizzle-orm-relational': loop(relationalFeed,
      (r) => Number(r.commentCount) + r.title.length + r.author.username.length,
      (rows) => check('client-feed drizzle-orm-relational',
                      feedFingerprint(rows.map((r) => ({ ...r, username: r.author.username })),
                                      (r) => Number(r.commentCount)))),
    'client-feed-relational\tdrizzle-orm': loop(() => relational(false),
      (r) => r.views + r.title.length + (r.author ? r.author.username.length : 0),
      (rows) => check('client-feed-relational drizzle-orm', relationalFingerprint(rows))),
    'client-feed-relational\tdrizzle-orm+count': loop(() => relational(true),
      (r) => r.views + r.title.length + (r.author ? r.author.username.length : 0) +
             Number(r.commentCount),
      (rows) => {
        check('client-feed-relational drizzle-orm+count', relationalFingerprint(rows));
        check('client-feed-relational drizzle-orm+count comment counts',
              feedFingerprint(rows.map((r) => ({ ...r, username: r.author.username })),
                              (r) => Number(r.commentCount)));
      }),
  };
}

const kSelect = 'SELECT id, name, score FROM bench_items WHERE id = $1';
const kInsert = 'INSERT INTO bench_inserts (name, score) VALUES ($1, $2)';

async function main() {
  const client = new Client({ connectionString: url });
  await client.connect();
  const db = drizzle(client);
  const runs = {
    'client-select\tnode-postgres': async () => {
      let sum = 0;
      for (let i = 0; i < count; ++i) {
        const { rows } = await client.query(kSelect, [i + 1]);
        sum += rows[0].id + rows[0].score + rows[0].name.length;
      }
      return sum;
    },
    'client-select\tdrizzle-orm': async () => {
      let sum = 0;
      for (let i = 0; i < count; ++i) {
        const rows = await db.select().from(items).where(eq(items.id, i + 1));
        sum += rows[0].id + rows[0].score + rows[0].name.length;
      }
      return sum;
    },
    'client-insert\tnode-postgres': async () => {
      for (let i = 0; i < count; ++i) await client.query(kInsert, ['item ' + i, i % 1000]);
      return count;
    },
    'client-insert\tdrizzle-orm': async () => {
      for (let i = 0; i < count; ++i) {
        await db.insert(inserts).values({ name: 'item ' + i, score: i % 1000 });
      }
      return count;
    },
  };
  // The feed on a new session, each query warmed up (JIT, the server process) before timing.
  const feedCount = Number(feedCountText || 0);
  let feedClient = null;
  let feed = {};
  if (feedCount > 0) {
    feedClient = new Client({ connectionString: url });
    await feedClient.connect();
    feed = feedRuns(drizzle(feedClient, { schema: feedSchema }), feedClient, feedCount);
    for (const run of Object.values(feed)) await run(10);
  }
  const seconds = {};
  const cpuUs = {};
  const results = {};
  for (let r = 0; r < repeat; ++r) {
    for (const [key, run] of Object.entries({ ...runs, ...feed })) {
      if (key.startsWith('client-insert')) await client.query('TRUNCATE bench_inserts');
      const n = key.startsWith('client-feed') ? feedCount : count;
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const result = await run();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu);
      if (r > 0 && result !== results[key]) throw new Error(`${key}: result changed`);
      results[key] = result;
      (seconds[key] = seconds[key] || []).push(elapsed);
      (cpuUs[key] = cpuUs[key] || []).push((used.user + used.system) / n);
      process.stderr.write(`${key.replace('\t', ' ')} run ${r + 1}: ${elapsed.toFixed(3)} s ` +
                           `(${Math.round(n / elapsed)}/s), client CPU ` +
                           `${((used.user + used.system) / n).toFixed(1)} us per query\n`);
    }
  }
  const median = (values) => {
    values.sort((a, b) => a - b);
    const n = values.length;
    return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  };
  for (const [key, values] of Object.entries(seconds)) {
    console.log(`${key}\t${median(values).toFixed(4)}`);
  }
  // The feed's median client CPU per query, after flick_client_bench's (FEED_DIR/cpu.tsv).
  if (feedCount > 0) {
    const lines = Object.keys(feed).map((key) => `${key}\t${median(cpuUs[key]).toFixed(1)}\n`);
    fs.appendFileSync(path.join(feedDir, 'cpu.tsv'), lines.join(''));
  }
  await client.end();
  if (feedClient) await feedClient.end();
}

main().catch((error) => {
  console.error('node_bench:', error.message);
  process.exit(1);
});
