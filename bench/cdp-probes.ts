/**
 * Chrome DevTools Protocol probes of the bench: where the main thread spends a step (sampling
 * profiler, Performance counters) and how much heap the page and its workers hold.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in a CPU profile, as printable lines. */
function topFunctions(label: string, nodes: ProfileNode[], samples: number[], timeDeltas: number[]): string[] {
  const selfMs = new Map<number, number>();
  samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (timeDeltas[index] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of nodes) {
    const file = node.callFrame.url.split('/').pop() || '(native)';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return [`  ${label}: CPU profile of the page's main thread, top self time:`, ...top.map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`)];
}

/** Runs `work` under the CDP sampling profiler and logs where the main thread spent it. */
export async function profiled<T>(cdp: CDPSession, label: string, work: () => Promise<T>, log: (line: string) => void): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  topFunctions(label, profile.nodes, profile.samples, profile.timeDeltas).forEach(log);
  return result;
}

/** Main-thread time by kind (CDP Performance domain counters, in ms). */
export interface ThreadTime {
  script: number;
  style: number;
  layout: number;
}

/** The page's cumulative main-thread time by kind so far (subtract two readings). */
export async function threadTime(cdp: CDPSession): Promise<ThreadTime> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { script: seconds('ScriptDuration') * 1000, style: seconds('RecalcStyleDuration') * 1000, layout: seconds('LayoutDuration') * 1000 };
}

/** Heap of the page's main thread after a full garbage collection, in MB. */
export async function mainHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Heap of the page's dedicated workers (the search index lives there), in MB, through a
 * non-flattened CDP session to each worker target; null when the browser does not allow it.
 */
export async function workerHeapMb(cdp: CDPSession): Promise<number | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  const workers = targetInfos.filter((target) => target.type === 'worker');
  if (workers.length === 0) return 0;
  let total = 0;
  for (const worker of workers) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    const call = (id: number, method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${method} timed out`)), 30_000);
        const listener = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          clearTimeout(timer);
          cdp.off('Target.receivedMessageFromTarget', listener);
          if (reply.error) reject(new Error(reply.error.message));
          else resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = await call(2, 'Runtime.getHeapUsage');
    total += Number(usage.usedSize) / 1024 / 1024;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
  return total;
}
