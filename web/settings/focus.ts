/** Moving the keyboard focus after a change re-renders the page. */

/** Focuses the element matching `selector` once the DOM has caught up with the last change. */
export function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
