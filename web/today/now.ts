/** A reactive "now" for pages that list what is due: it ticks, and catches up when the tab is shown again. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** The current time, refreshed every `everyMs` and when the page becomes visible (call inside a component). */
export function createNow(everyMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const tick = () => setNow(Date.now());
  const timer = setInterval(tick, everyMs);
  const onVisible = () => document.visibilityState === 'visible' && tick();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
  return now;
}
