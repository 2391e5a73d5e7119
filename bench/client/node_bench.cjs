// node bench/client/node_bench.cjs PEERS_DIR URL COUNT REPEAT
// The peers of flick_client_bench on the same tables (bench_items filled, bench_inserts empty):
// point selects by primary key and single-row inserts, one after another, through node-postgres
// (pg, one Client) and drizzle-orm over it. Prints "case<TAB>tool<TAB>median_seconds" lines.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const [peersDir, url, countText, repeatText] = process.argv.slice(2);
const peer = createRequire(path.join(path.resolve(peersDir), 'package.json'));
const { Client } = peer('pg');
const { drizzle } = peer('drizzle-orm/node-postgres');
const { pgTable, integer, text, bigserial } = peer('drizzle-orm/pg-core');
const { eq } = peer('drizzle-orm');

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
  const seconds = {};
  for (let r = 0; r < repeat; ++r) {
    for (const [key, run] of Object.entries(runs)) {
      if (key.startsWith('client-insert')) await client.query('TRUNCATE bench_inserts');
      const start = process.hrtime.bigint();
      await run();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      (seconds[key] = seconds[key] || []).push(elapsed);
      process.stderr.write(`${key.replace('\t', ' ')} run ${r + 1}: ${elapsed.toFixed(3)} s ` +
                           `(${Math.round(count / elapsed)}/s)\n`);
    }
  }
  for (const [key, values] of Object.entries(seconds)) {
    values.sort((a, b) => a - b);
    const n = values.length;
    const median = n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    console.log(`${key}\t${median.toFixed(4)}`);
  }
  await client.end();
}

main().catch((error) => {
  console.error('node_bench:', error.message);
  process.exit(1);
});
