// node bench/migrate/drizzle_migrate.cjs PEERS_DIR URL FOLDER
// drizzle-orm's own migrator (drizzle-orm/node-postgres/migrator) over a drizzle-kit folder: the
// peer of `flick migrate` in bench/migrate/migrate_bench.sh. PEERS_DIR is bench/.drizzle (installed
// by bench/npm_peers.sh). Exit 1 with the error when a migration fails.
'use strict';
const path = require('path');
const [peers, url, folder] = process.argv.slice(2);
const peer = (name) => require(path.join(peers, 'node_modules', name));
const { Client } = peer('pg');
const { drizzle } = peer('drizzle-orm/node-postgres');
const { migrate } = peer('drizzle-orm/node-postgres/migrator');

(async () => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
