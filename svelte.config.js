// SvelteKit reads this file from the repository root (the layout the product was specified
// with); the app's sources live under web/.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    files: {
      src: 'web/src',
      assets: 'web/static',
      lib: 'web/src/lib',
      routes: 'web/src/routes',
      appTemplate: 'web/src/app.html',
      errorTemplate: 'web/src/error.html',
      hooks: { server: 'web/src/hooks.server', client: 'web/src/hooks.client' },
      params: 'web/src/params',
      serviceWorker: 'web/src/service-worker',
    },
    // Forms are checked against the Origin header by SvelteKit's default; hooks.server.ts adds a
    // Sec-Fetch-Site check for every state-changing request, JSON endpoints included.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self', 'ws:', 'wss:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
