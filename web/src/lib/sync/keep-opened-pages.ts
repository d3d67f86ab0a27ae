// The page's half of "offline from the first visit" (SC12): after every navigation a signed-in
// page tells the active service worker what it shows. On a device's first visit the worker
// installs while the page is already open: the page's requests went past it, and a worker cannot
// see where a client-side navigation led (a client's URL stays the one it was loaded at), so
// without this the page just opened would not be kept.
import { afterNavigate } from '$app/navigation';
import type { OpenedPage } from './offline-cache';

/** Kinds of resource timing entries for files a page needs to draw (not its API fetches). */
const FILE_INITIATORS = new Set(['img', 'css', 'link', 'script']);

/** Call during a signed-in layout's initialisation. */
export function keepOpenedPagesForOffline(personId: () => string): void {
  afterNavigate(() => {
    void tellServiceWorker(personId());
  });
}

async function tellServiceWorker(person: string) {
  if (!('serviceWorker' in navigator)) return;
  // The page this navigation opened, read now: on a first visit the worker may be ready only
  // after the person has gone on to another page, which its own navigation reports.
  const url = location.href;
  // Resolves once a worker is active, controlling this page or not (on a first visit: when the
  // install that began at this page's load has finished).
  const registration = await navigator.serviceWorker.ready;
  // The files are read late on purpose: every file loaded by then is worth keeping.
  const message: OpenedPage = { type: 'opened-page', url, person, resources: loadedFiles() };
  registration.active?.postMessage(message);
}

function loadedFiles(): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => FILE_INITIATORS.has((entry as PerformanceResourceTiming).initiatorType))
    .map((entry) => entry.name)
    .filter((name) => new URL(name).origin === location.origin);
}
