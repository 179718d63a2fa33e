/**
 * Propagation through the relay: N clients (stock y-websocket providers, one socket each, all in
 * this process so one monotonic clock times every hop) on ONE shared book document, each making
 * one field edit per second. Every edit's latency is taken on every other client, from just
 * before the local transaction to the moment its observeDeep sees the value. Meanwhile the relay
 * child's CPU and resident memory are read from /proc.
 */
import * as Y from 'yjs';
import { connect, makeUser, synced, type Client, type RelayProcess, type TestUser } from '../relay/test/harness';
import { relayCovers, watchRelayState } from '../web/sync/ack-watch';
import { bookRecords } from '../web/engine/rows';
import { buildBook, editField, EDITED_FIELDS } from './relay-base';
import { processCpuSeconds, processRssMb, until } from './relay-clients';
import { quantile } from './targets';
import { seededRandom } from './generate';

/** Settings of the propagation run. */
export interface PropagationOptions {
  clients: number;
  seconds: number;
  /** Edits in the first seconds are left out of the figures (connections and JIT warming up). */
  warmupSeconds: number;
  /** Records in the shared book shard. */
  records: number;
  seed: number;
}

/** What the run measured. */
export interface PropagationResult {
  latencies: number[];
  edits: number;
  /** Deliveries expected (edits × other clients) but never observed. */
  missing: number;
  relayCpuPercent: number;
  relayRssPeakMb: number;
  relayRssMeanMb: number;
  benchCpuPercent: number;
}

const TOKEN_PREFIX = 'prop|';
/** The edited fields that hold text (the edit's value is its token). */
const TEXT_FIELDS = EDITED_FIELDS.filter((field) => field !== 'revenue');

/** Runs the propagation scenario against a started relay; `owner` owns the shared book. */
export async function measurePropagation(
  relay: RelayProcess,
  admin: TestUser,
  owner: TestUser,
  options: PropagationOptions,
  progress: (message: string) => void,
): Promise<PropagationResult> {
  progress(`propagation: creating ${options.clients} senior managers (they write every book; managers write only their own)`);
  const users: TestUser[] = [];
  for (let i = 0; i < options.clients; i++) users.push(await makeUser(relay, admin, `writer${i}`, 'senior'));

  const book = buildBook(owner.id, options.records, options.seed);
  const [docId, seedDoc] = [...book.docs.entries()][0];
  const recordIds = book.ids.get(docId)!;
  progress(`propagation: uploading a ${recordIds.length}-record shard ${docId}`);
  const uploader = connect(relay, docId, owner.token, seedDoc);
  let relayState = new Map<number, number>();
  // ack-watch types the provider's private handler table loosely; the stock provider has it.
  watchRelayState(uploader.provider as never, (state) => (relayState = state));
  await until(() => relayCovers(relayState, seedDoc), 'the shard upload to be acknowledged', 30_000, 10);
  uploader.destroy();

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  let deliveries = 0;
  const clients: Client[] = users.map((user) => connect(relay, docId, user.token));
  for (const client of clients) {
    bookRecords(client.doc).observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || event.target === bookRecords(client.doc)) continue;
        for (const key of event.keysChanged) {
          const value = event.target.get(key);
          if (typeof value !== 'string' || !value.startsWith(TOKEN_PREFIX)) continue;
          const started = sentAt.get(value);
          if (started === undefined) continue;
          deliveries += 1;
          if (measuring) latencies.push(now - started);
        }
      }
    });
  }
  progress(`propagation: connecting ${clients.length} clients`);
  await Promise.all(clients.map((client) => synced(client, 60_000)));
  await until(() => clients.every((client) => bookRecords(client.doc).size === recordIds.length), 'every client to hold the shard', 60_000, 20);

  const random = seededRandom(options.seed + 11);
  const started = performance.now();
  const runMs = (options.seconds + options.warmupSeconds) * 1000;
  let edits = 0;
  let measuredEdits = 0;
  let cpuAtStart = 0;
  let benchCpuAtStart = process.cpuUsage();
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(processRssMb(relay.child.pid!)), 1000);
  const warmupTimer = setTimeout(() => {
    measuring = true;
    cpuAtStart = processCpuSeconds(relay.child.pid!);
    benchCpuAtStart = process.cpuUsage();
    rss.length = 0;
  }, options.warmupSeconds * 1000);

  progress(`propagation: ${clients.length} clients × 1 edit/s for ${options.warmupSeconds} s warm-up + ${options.seconds} s measured`);
  // Each client edits once a second at its own phase, scheduled against the start (no drift).
  await Promise.all(
    clients.map(async (client, index) => {
      const phase = (index / clients.length) * 1000 + random.next() * 10;
      for (let tick = 0; ; tick++) {
        const due = started + phase + tick * 1000;
        if (due - started >= runMs) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const recordId = recordIds[random.int(recordIds.length)];
        const field = TEXT_FIELDS[random.int(TEXT_FIELDS.length)];
        const token = `${TOKEN_PREFIX}${index}|${tick}`;
        const wasMeasuring = measuring;
        sentAt.set(token, performance.now());
        editField(client.doc, recordId, field, token, users[index].id);
        edits += 1;
        if (wasMeasuring) measuredEdits += 1;
      }
    }),
  );
  const measuredSeconds = (performance.now() - started) / 1000 - options.warmupSeconds;
  const relayCpu = processCpuSeconds(relay.child.pid!) - cpuAtStart;
  const benchCpu = process.cpuUsage(benchCpuAtStart);
  clearInterval(sampler);
  clearTimeout(warmupTimer);
  const expected = edits * (clients.length - 1);
  await until(() => deliveries >= expected, 'the last edits to reach every client', 5000, 20).catch(() => undefined);
  measuring = false;
  for (const client of clients) client.destroy();
  return {
    latencies,
    edits: measuredEdits,
    missing: expected - deliveries,
    relayCpuPercent: (relayCpu / measuredSeconds) * 100,
    relayRssPeakMb: Math.max(...rss),
    relayRssMeanMb: rss.reduce((sum, value) => sum + value, 0) / Math.max(1, rss.length),
    benchCpuPercent: ((benchCpu.user + benchCpu.system) / 1e6 / measuredSeconds) * 100,
  };
}

/** p50 / p95 / p99 / max of the latencies. */
export function latencySummary(latencies: number[]): { p50: number; p95: number; p99: number; max: number } {
  return {
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies.reduce((max, value) => Math.max(max, value), 0),
  };
}
