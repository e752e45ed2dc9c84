// Ceiling of bench/maxbridge-cash-desk.js: the service's own cash-desk work without its HTTP
// layer. The very classes of the service, loaded from dist/ (never a copy that could drift), run
// over a pool of CEILING_POOL_SIZE connections (the service's DB_POOL_SIZE), CEILING_WORKERS
// operations in flight: for each operation, the retail key's check (RetailKeysService.isValid, as
// the service's guard does per request) and then, by CEILING_MODE:
//   create  ReservationsService.create: the user, desk, balance and expiry reads, the INSERT, the
//           read-back, in the service's transaction;
//   commit  SsbtDepositsService.credit: the conditional move to Success, the wallet's credit and
//           its ledger row, in the service's transaction.
// The statements go through the service's MysqlSession, which hands them straight to mysql2. Items
// (CEILING_ITEMS, a JSON file: [{userId, depositId?}]) are used once each, in order. Prints one
// JSON line: operations done, refused, elapsed seconds, rate, latencies, own CPU seconds.
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const dist = (path) => require(`../../dist/${path}`);
const { AppDataSource } = dist('database/app-data-source.js');
const { buildDataSourceOptions } = dist('database/data-source-options.js');
const { ENTITIES } = dist('entities.js');
const { SqlDatabase } = dist('database/sql-database.js');
const { LocationsRepository } = dist('maxbridge/cash-desk/locations/locations.repository.js');
const { ReservationsRepository } = dist(
  'maxbridge/cash-desk/reservations/reservations.repository.js',
);
const { ReservationsService } = dist('maxbridge/cash-desk/reservations/reservations.service.js');
const { RetailKeysService } = dist('maxbridge/cash-desk/retail/retail-keys.service.js');
const { SsbtDepositsRepository } = dist('maxbridge/cash-desk/ssbt/ssbt-deposits.repository.js');
const { SsbtDepositsService } = dist('maxbridge/cash-desk/ssbt/ssbt-deposits.service.js');
const { WalletRepository } = dist('maxbridge/wallet/wallet.repository.js');
const { WalletService } = dist('maxbridge/wallet/wallet.service.js');

const mode = process.env.CEILING_MODE;
const workers = Number(process.env.CEILING_WORKERS);
const poolSize = Number(process.env.CEILING_POOL_SIZE);
const items = JSON.parse(readFileSync(process.env.CEILING_ITEMS, 'utf8'));
const key = process.env.CEILING_RETAIL_KEY;
const locationId = process.env.CEILING_LOCATION_ID;

async function main() {
  const dialect = process.env.DB_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  const dataSource = new AppDataSource(
    buildDataSourceOptions({ dialect, url: process.env.DB_URL, poolSize }, ENTITIES),
  );
  await dataSource.initialize();
  const database = new SqlDatabase(dataSource);
  const config = { maxbridge: { reservationTtlMs: 86_400_000 } };
  const keys = new RetailKeysService(database);
  const reservations = new ReservationsService(
    database,
    new ReservationsRepository(database),
    new LocationsRepository(database),
    config,
  );
  const deposits = new SsbtDepositsService(
    database,
    new SsbtDepositsRepository(database),
    new WalletService(new WalletRepository(database)),
  );
  const operation =
    mode === 'create'
      ? (item) =>
          reservations.create({
            userId: item.userId,
            amount: 100,
            currency: 'EUR',
            locationId,
            declaredBalance: 1_000_000,
            via: 'retail',
          })
      : (item) => deposits.credit(item.depositId, item.userId, 'retail');

  const latencies = [];
  let done = 0;
  let refused = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const sent = performance.now();
        try {
          if (!(await keys.isValid(key))) throw new Error('the retail key is not valid');
          await operation(item);
          done++;
        } catch (error) {
          refused++;
          if (refused === 1) process.stderr.write(`ceiling refusal: ${error.message}\n`);
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await dataSource.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  process.stdout.write(
    JSON.stringify({
      done,
      refused,
      seconds,
      perSecond: done / seconds,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
