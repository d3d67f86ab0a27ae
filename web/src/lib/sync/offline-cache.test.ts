import { describe, expect, it } from 'vitest';
import {
  changesWhoIsSignedIn,
  dataKey,
  dataUrlOf,
  isDataRequest,
  isKeepable,
  isKeepableResource,
  pageKey,
  pageUrlOf,
  readOpenedPage,
} from './offline-cache.ts';

const url = (path: string) => new URL(path, 'https://app.example');

describe('offline cache keys', () => {
  it('[SC8] pairs each page with its data request, both ways', () => {
    for (const [page, data] of [
      ['/goals', '/goals/__data.json'],
      ['/people?page=2&q=ada', '/people/__data.json?page=2&q=ada'],
      ['/', '/__data.json'],
      ['/people/', '/people/__data.json?x-sveltekit-trailing-slash=1'],
    ] as const) {
      expect(dataUrlOf(url(page)).href).toBe(url(data).href);
      expect(pageUrlOf(url(data)).href).toBe(url(page).href);
    }
    expect(isDataRequest(url('/goals/__data.json'))).toBe(true);
    expect(isDataRequest(url('/goals'))).toBe(false);
  });

  it('[SC8] keys data without the invalidated-nodes list, and pages without the fragment', () => {
    expect(dataKey(url('/goals/__data.json?q=1&x-sveltekit-invalidated=01'))).toBe(
      'https://app.example/goals/__data.json?q=1',
    );
    expect(pageUrlOf(url('/goals/__data.json?x-sveltekit-invalidated=11')).href).toBe(
      url('/goals').href,
    );
    expect(pageKey(url('/goals?cycle=3#goal-7'))).toBe('https://app.example/goals?cycle=3');
  });
});

const response = (status: number, cacheControl: string | null) =>
  new Response('x', { status, headers: cacheControl ? { 'cache-control': cacheControl } : {} });
// Response objects made in Node have type "default"; a browser fetch gives "basic".
const basic = (r: Response) => Object.defineProperty(r, 'type', { value: 'basic' });

describe('isKeepable', () => {
  it('[SC8] keeps only successful responses served to a signed-in person', () => {
    expect(isKeepable(basic(response(200, 'private, no-store')))).toBe(true);
    expect(isKeepable(basic(response(200, null)))).toBe(false);
    expect(isKeepable(basic(response(404, 'private, no-store')))).toBe(false);
    expect(isKeepable(response(200, 'private, no-store'))).toBe(false);
    const redirected = basic(response(200, 'private'));
    Object.defineProperty(redirected, 'redirected', { value: true });
    expect(isKeepable(redirected)).toBe(false);
  });
});

describe('isKeepableResource', () => {
  it('[SC12] keeps a successful same-origin file, whoever it was served to', () => {
    expect(isKeepableResource(basic(response(200, 'public, max-age=60')))).toBe(true);
    expect(isKeepableResource(basic(response(200, null)))).toBe(true);
    expect(isKeepableResource(basic(response(404, null)))).toBe(false);
    expect(isKeepableResource(response(200, null))).toBe(false);
  });
});

describe('changesWhoIsSignedIn', () => {
  it('[SC13] names the sign-in, invitation and sign-out pages and their data, nothing else', () => {
    for (const path of [
      '/login',
      '/login?/default',
      '/login/__data.json?x-sveltekit-invalidated=1',
      '/logout',
      '/invite/abc123',
      '/invite/abc123/__data.json',
    ]) {
      expect(changesWhoIsSignedIn(url(path)), path).toBe(true);
    }
    for (const path of ['/goals', '/goals/__data.json', '/people/login', '/account/password']) {
      expect(changesWhoIsSignedIn(url(path)), path).toBe(false);
    }
  });
});

describe('readOpenedPage', () => {
  it('[SC12] reads the message a page sends, and nothing of another shape', () => {
    const message = {
      type: 'opened-page',
      url: 'https://app.example/goals',
      person: 'p1',
      resources: ['https://app.example/favicon.svg'],
    };
    expect(readOpenedPage(message)).toEqual(message);
    expect(readOpenedPage({ ...message, type: 'other' })).toBeNull();
    expect(readOpenedPage({ ...message, person: 7 })).toBeNull();
    expect(readOpenedPage({ ...message, resources: [1] })).toBeNull();
    expect(readOpenedPage({ ...message, resources: undefined })).toBeNull();
    expect(readOpenedPage(null)).toBeNull();
    expect(readOpenedPage('opened-page')).toBeNull();
  });
});
