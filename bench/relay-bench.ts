/**
 * `npm run bench:relay [-- --clients N] [--seconds S] [--records R] [--edits E] [--pool P] [--seed S] [--only propagation|merge|join]`
 *
 * The relay as a real child process (relay/test/harness.ts) on a free port with a temporary data
 * folder; clients are the stock y-websocket provider over `ws`, all in this process. Prints one
 * JSON object per line ({"metric", "size", "value", "unit"}) and a `<metric>_vs_target` ratio
 * line where the issue sets a target; progress on stderr. Exits 1 when a merge did not converge.
 *
 * - propagation_*: 50 clients on one shared book shard, one edit per second each (relay-propagation.ts)
 * - merge_*: 10k offline edits per side on a 100k-record base (relay-merge.ts)
 * - fresh_join_*: a new device joining that base, 8 shards at a time: state over HTTP, then a socket (relay-join.ts)
 */
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { makeAdmin, makeUser, removeTempDataDirs, startRelay, type RelayProcess } from '../relay/test/harness';
import { emit, progress } from './relay-output';
import { latencySummary, measurePropagation } from './relay-propagation';
import { buildBook } from './relay-base';
import { closeSide, measureMerge, syncTwoSides } from './relay-merge';
import { measureFreshJoin } from './relay-join';
import { deflatedBytes, processRssMb } from './relay-clients';

interface Options {
  clients: number;
  seconds: number;
  records: number;
  edits: number;
  pool: number;
  seed: number;
  only: string | undefined;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      records: { type: 'string', default: '100000' },
      edits: { type: 'string', default: '10000' },
      pool: { type: 'string', default: '8' },
      seed: { type: 'string', default: '42' },
      only: { type: 'string' },
    },
  });
  const positive = (name: keyof typeof values): number => {
    const number = Number(values[name]);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} must be a positive whole number, got "${String(values[name])}"`);
    return number;
  };
  if (values.only && !['propagation', 'merge', 'join'].includes(values.only)) throw new Error(`--only must be propagation, merge or join, got "${values.only}"`);
  return {
    clients: positive('clients'),
    seconds: positive('seconds'),
    records: positive('records'),
    edits: positive('edits'),
    pool: positive('pool'),
    seed: positive('seed'),
    only: values.only,
  };
}

const PROPAGATION_RECORDS = 1000;
const WARMUP_SECONDS = 2;

async function benchPropagation(relay: RelayProcess, options: Options): Promise<void> {
  const admin = await makeAdmin(relay);
  const owner = await makeUser(relay, admin, 'owner', 'manager');
  const result = await measurePropagation(relay, admin, owner, { clients: options.clients, seconds: options.seconds, warmupSeconds: WARMUP_SECONDS, records: PROPAGATION_RECORDS, seed: options.seed }, progress);
  const { p50, p95, p99, max } = latencySummary(result.latencies);
  const size = options.clients;
  const scope = `${options.clients} clients on one shared ${PROPAGATION_RECORDS}-record book shard, 1 edit/s each for ${options.seconds} s after ${WARMUP_SECONDS} s warm-up; edit → observeDeep on every other client (${result.latencies.length} samples)`;
  emit(size, 'propagation_p50_ms', p50, 'ms', scope);
  emit(size, 'propagation_p95_ms', p95, 'ms');
  emit(size, 'propagation_p99_ms', p99, 'ms');
  emit(size, 'propagation_max_ms', max, 'ms');
  emit(size, 'propagation_missing_deliveries', result.missing, 'count', `of ${result.edits} measured edits × ${options.clients - 1} receivers (includes warm-up edits)`);
  emit(size, 'relay_cpu_percent', result.relayCpuPercent, 'percent', 'relay process user+system CPU over the measured window (/proc/<pid>/stat), 100 = one core');
  emit(size, 'relay_rss_mb', result.relayRssPeakMb, 'MB', `peak resident memory of the relay process (/proc/<pid>/status), mean ${result.relayRssMeanMb.toFixed(1)} MB`);
  emit(size, 'bench_clients_cpu_percent', result.benchCpuPercent, 'percent', 'this process (all simulated clients) over the same window: it shares the 2 cores with the relay');
}

async function benchBase(relay: RelayProcess, options: Options): Promise<void> {
  const admin = await makeAdmin(relay);
  const owner = await makeUser(relay, admin, 'owner', 'manager');
  const colleague = await makeUser(relay, admin, 'senior', 'senior');
  const size = options.records;
  const runMerge = options.only !== 'join';
  progress(`base: generating ${size} records into book shards of 10k`);
  const book = buildBook(owner.id, size, options.seed);
  const docIds = [...book.docs.keys()];
  const [a, b] = await syncTwoSides(relay, book, owner, colleague, progress);
  if (runMerge) {
    const merge = await measureMerge(a, b, book, options.edits, options.seed, progress);
    const converged = merge.divergence === null;
    if (!converged) {
      process.exitCode = 1;
      progress(`merge DID NOT CONVERGE: ${merge.divergence}`);
    }
    const { wire } = merge;
    const directions = `A sent ${wire.a.sent}, received ${wire.a.received}; B sent ${wire.b.sent}, received ${wire.b.received} (TCP bytes: permessage-deflate, frame headers and upgrades included)`;
    emit(size, 'merge_apply_ms', converged ? merge.applyMs : null, 'ms', converged ? `${options.edits} offline field edits per side (as updateFields: field + $updated + $by) over ${docIds.length} shards; from reconnect of both to equal state vectors on every shard; verified equal JSON, ${merge.conflicts} same-field conflicts resolved to one side` : `not converged: ${merge.divergence}`);
    emit(size, 'merge_wire_bytes', converged ? Math.max(wire.a.sent, wire.a.received, wire.b.sent, wire.b.received) : null, 'bytes', `larger direction: ${directions}`);
    emit(size, 'merge_payload_bytes', Math.max(merge.a.sent, merge.a.received, merge.b.sent, merge.b.received), 'bytes', `larger direction before compression: A sent ${merge.a.sent}, received ${merge.a.received}; B sent ${merge.b.sent}, received ${merge.b.received} (WebSocket message payloads)`);
    emit(size, 'merge_upload_bytes', Math.max(wire.a.sent, wire.b.sent), 'bytes', 'the larger side: client → relay, on the wire');
    emit(size, 'merge_download_bytes', Math.max(wire.a.received, wire.b.received), 'bytes', 'the larger side: relay → client, on the wire');
    emit(size, 'merge_offline_update_bytes', Math.max(merge.offline.a.update, merge.offline.b.update), 'bytes', `the larger side's offline changes encoded as one update per shard (A ${merge.offline.a.update}, B ${merge.offline.b.update}); of it the delete set: A ${merge.offline.a.deleteSet}, B ${merge.offline.b.deleteSet}`);
    const deflated = [merge.a.sentFrames, merge.a.receivedFrames, merge.b.sentFrames, merge.b.receivedFrames].map(deflatedBytes);
    emit(size, 'merge_payload_bytes_each_deflated', Math.max(...deflated), 'bytes', 'larger direction, each message deflated on its own (what permessage-deflate without context takeover approaches)');
  }
  closeSide(a);
  closeSide(b);
  if (options.only === 'merge') return;
  const expected = [...book.ids.values()].reduce((sum, ids) => sum + ids.length, 0);
  // Let this process's copies go: the relay and the joining device share the cores with its GC.
  book.docs.clear();
  b.docs.clear();
  progress(`fresh join: a new device of the owner joins ${docIds.length} shards through a pool of ${options.pool} (rooms loaded on the relay)`);
  const request = { token: owner.token, docIds, pool: options.pool, expectedRecords: expected };
  const warm = await measureFreshJoin({ ...request, syncUrl: relay.syncUrl, httpUrl: relay.httpUrl, via: 'http' });
  const how = `${docIds.length} shards, ${options.pool} at a time: each shard's state over HTTP (GET /api/docs/state, gzip), then a socket syncs the difference`;
  emit(size, 'fresh_join_ms', warm.syncedMs, 'ms', `new device in its own process: ${how}, until all synced and ${warm.records} records held; relay rooms loaded (colleagues online)`);
  emit(size, 'fresh_join_rows_ms', warm.rowsMs, 'ms', 'the same plus building every projection row (rowFromRecord); no IndexedDB writes');
  emit(size, 'fresh_join_download_bytes', warm.receivedBytes, 'bytes', 'HTTP bodies as sent (gzip) plus socket TCP bytes');
  const again = await measureFreshJoin({ ...request, syncUrl: relay.syncUrl, httpUrl: relay.httpUrl, via: 'http' });
  emit(size, 'fresh_join_second_device_ms', again.syncedMs, 'ms', 'a second new device right after: the relay answers from its cache of compressed states');
  const socketOnly = await measureFreshJoin({ ...request, syncUrl: relay.syncUrl, httpUrl: relay.httpUrl, via: 'socket' });
  emit(size, 'fresh_join_socket_only_ms', socketOnly.syncedMs, 'ms', `the same through sockets alone (sync step 2 of the whole shard, permessage-deflate), ${socketOnly.receivedBytes} bytes on the wire`);
  progress('fresh join: restarting the relay so it loads every shard from SQLite');
  await relay.stop();
  const restarted = await startRelay({ dataDir: relay.dataDir });
  try {
    const cold = await measureFreshJoin({ ...request, syncUrl: restarted.syncUrl, httpUrl: restarted.httpUrl, via: 'http' });
    emit(size, 'fresh_join_cold_relay_ms', cold.syncedMs, 'ms', 'the same right after a relay restart: states come from SQLite (snapshot, merged with later updates in a worker), each socket loads its room');
    emit(size, 'relay_rss_after_join_mb', processRssMb(restarted.child.pid!), 'MB', `relay resident memory with ${docIds.length} loaded shards`);
  } finally {
    await restarted.stop();
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  // Every y-websocket provider adds a process 'exit' listener in Node; the bench opens dozens on purpose.
  process.setMaxListeners(200);
  progress(`machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: the relay and all clients share them`);
  try {
    if (!options.only || options.only === 'propagation') {
      const relay = await startRelay();
      try {
        await benchPropagation(relay, options);
      } finally {
        await relay.stop();
      }
    }
    if (options.only !== 'propagation') {
      const relay = await startRelay();
      try {
        await benchBase(relay, options);
      } catch (error) {
        progress(`the relay's last output lines:\n${relay.output().split('\n').slice(-15).join('\n')}`);
        throw error;
      } finally {
        await relay.stop();
      }
    }
  } finally {
    removeTempDataDirs();
  }
}

main().then(
  // Providers' timers and sockets may linger after destroy: stop once the figures are out.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`relay bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
