// The three functions of Svelte's client runtime that svelte-test-runtime.ts uses; the package
// ships no types for its internal entry point.
declare module 'svelte/internal/client' {
  export function effect_root(fn: () => void): () => void;
  export function render_effect(fn: () => void): void;
  export function flush(): void;
}
