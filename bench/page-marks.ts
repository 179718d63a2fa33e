/**
 * An init script the bench adds to the browser context: it runs before the app in every
 * document and records when the base opened, when search became ready and when the first
 * data rows of the table appeared, in ms since navigation start (performance.now()).
 * It watches; it changes nothing in the app.
 */

/** Marks of one page load, read back as window.__benchMarks. */
export interface PageMarks {
  baseOpen?: number;
  searchReady?: number;
  firstRows?: number;
}

/** Data cells of the table (tbody or ARIA grid), not its header. */
export const ROW_SELECTOR = '[data-view-version] tbody td, [data-view-version] [role="gridcell"], [data-view-version] [role="cell"]';

/** The init script's source (a string, so no bundler helper leaks into the page). */
export function pageMarksScript(rowSelector: string = ROW_SELECTOR): string {
  return `(() => {
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(): make it a no-op here.
  window.__name = window.__name || ((fn) => fn);
  const marks = {};
  window.__benchMarks = marks;
  let hooks;
  Object.defineProperty(window, '__clientela', {
    configurable: true,
    get() { return hooks; },
    set(value) {
      hooks = value;
      marks.baseOpen = performance.now();
      value.base.search.ready.then(() => { marks.searchReady = performance.now(); });
    },
  });
  const selector = ${JSON.stringify(rowSelector)};
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      marks.firstRows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

declare global {
  interface Window {
    /** Set by the bench's init script (see pageMarksScript). */
    __benchMarks?: PageMarks;
  }
}
