// For tests of the reactive classes (*.svelte.ts). The Vitest projects resolve `svelte` for the
// server, where effects never run, so such a test redirects `svelte/reactivity` to the client
// build and runs its effects through the client runtime:
//
//   vi.mock('svelte/reactivity', async () =>
//     (await import('$lib/sync/svelte-test-runtime')).clientReactivity(),
//   );
//   const seen = track(() => status.current.kind);
// Tests only: `$effect.root` compiles to this call, and a test that is not compiled for the
// client has no other way to run an effect. Drop with a Vitest project using browser conditions.
// eslint-disable-next-line svelte/no-svelte-internal
import * as $ from 'svelte/internal/client';

/** Runs `read` in an effect now and after every change it depends on; `values` records each. */
export function track<T>(read: () => T) {
  const values: T[] = [];
  const stop = $.effect_root(() => {
    $.render_effect(() => {
      values.push(read());
    });
  });
  $.flush();
  return {
    values,
    /** Runs the effects that changes since the last flush scheduled. */
    flush: () => $.flush(),
    /** Destroys the effect: its subscriptions end. */
    stop,
  };
}

/** The browser build of `svelte/reactivity` (the path is a variable so nothing resolves it at
 *  build time; svelte's package exports offer it only under the `browser` condition). */
export function clientReactivity(): Promise<typeof import('svelte/reactivity')> {
  const path = '../../../../node_modules/svelte/src/reactivity/index-client.js';
  return import(/* @vite-ignore */ path);
}
