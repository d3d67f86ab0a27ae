import { describe, expect, it } from 'vitest';
import { allowSyncFetches, syncHttpOrigin } from './sync-url.ts';

const policy = "default-src 'self'; connect-src 'self' ws: wss:; object-src 'none'";

describe('the sync server as the page reaches it', () => {
  it('[SYNC27] is the next port of the host over plain HTTP, or TLS for an https page', () => {
    expect(syncHttpOrigin(new URL('http://127.0.0.1:3000/goals'))).toBe('http://127.0.0.1:3001');
    expect(syncHttpOrigin(new URL('https://app.example.test/goals'))).toBe(
      'https://app.example.test:444',
    );
  });

  it('[SYNC27] is added to the page’s connect-src, and nowhere else, once', () => {
    const url = new URL('http://127.0.0.1:3000/goals');
    const allowed = allowSyncFetches(policy, url);
    expect(allowed).toBe(
      "default-src 'self'; connect-src 'self' ws: wss: http://127.0.0.1:3001; object-src 'none'",
    );
    expect(allowSyncFetches(allowed, url)).toBe(allowed);
  });
});
