// When to do work on the page's main thread without holding up what the person sees.

/**
 * Resolves once the browser has painted the next frame (what the page changed before calling
 * is on screen). At once where nothing paints (Node, a hidden tab, where frames never come).
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    // A tab hidden meanwhile gets no frames: do not wait for them forever.
    const fallback = setTimeout(resolve, 500);
    // A frame callback runs before that frame's paint; a task queued from it runs after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** Runs `work` when the page is next idle (within `timeoutMs` regardless). */
export function whenIdle(work: () => void, timeoutMs = 10_000) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: timeoutMs });
  else setTimeout(work, Math.min(timeoutMs, 2_000));
}
