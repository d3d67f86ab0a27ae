// The page the service worker answers with when the network is gone and the page asked for was
// never kept on this device (SC8). It is built in the worker, without the app's scripts, so it
// carries its own copy of the stylesheet and the app's frame as plain links: pages opened before
// (usually the goals) still open from the cache.
import appCss from '../../app.css?raw';

const NAVIGATION = [
  { href: '/goals', label: 'Goals' },
  { href: '/one-on-ones', label: '1:1s' },
  { href: '/calibration', label: 'Calibration' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/people', label: 'People' },
];

const FRAME_CSS = `
header{display:flex;align-items:center;gap:var(--space-6);padding:var(--space-2) var(--space-6);background:var(--surface);border-bottom:1px solid var(--border)}
.brand{font-weight:800;color:var(--accent);text-decoration:none;font-size:1.1rem}
nav{flex:1}nav ul{display:flex;gap:var(--space-2);list-style:none;margin:0;padding:0}
nav a{display:block;padding:var(--space-2) var(--space-3);border-radius:var(--radius);color:var(--text);text-decoration:none}
main{max-width:40rem;margin:var(--space-8) auto;padding:0 var(--space-6)}
.ways-back{display:flex;flex-wrap:wrap;gap:var(--space-2);margin-top:var(--space-6)}`;

/** The offline page; "Try again" is an empty link: the page asked for, loaded again. */
export function offlinePageHtml(): string {
  const links = NAVIGATION.map((link) => `<li><a href="${link.href}">${link.label}</a></li>`).join(
    '',
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Offline · Threadline</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${appCss}${FRAME_CSS}</style></head><body><header><a class="brand" href="/goals">Threadline</a><nav aria-label="Main"><ul>${links}</ul></nav></header><main id="main"><section class="card" aria-labelledby="offline-heading"><p class="muted">No connection</p><h1 id="offline-heading">You are offline</h1><p>This page was not opened on this device before, so it is not available offline. Pages you opened before still are; this one loads when the connection returns.</p><div class="ways-back"><a class="button" href="">Try again</a><a class="button secondary" href="/goals">Go to your goals</a></div></section></main></body></html>`;
}
