/**
 * Applying only the newest of several overlapping async answers: quick-search answers can come
 * back out of order (a short prefix takes longer than the longer query typed after it), and an
 * older answer must never replace a newer one.
 */

/** A gate for one stream of requests; `track` wraps each request in the order they are made. */
export interface LatestOnly {
  /** Runs `onAnswer`/`onError` for `request` only if no later request was tracked meanwhile. */
  track<T>(request: Promise<T>, onAnswer: (value: T) => void, onError?: (error: unknown) => void): void;
}

/** A new gate: each tracked request supersedes all the earlier ones. */
export function latestOnly(): LatestOnly {
  let newest = 0;
  return {
    track(request, onAnswer, onError) {
      const sequence = ++newest;
      request.then(
        (value) => {
          if (sequence === newest) onAnswer(value);
        },
        (error: unknown) => {
          if (sequence === newest) onError?.(error);
        },
      );
    },
  };
}
