import { describe, expect, it } from 'vitest';
import { browserLocale, datesLocale } from './request-locale.ts';

const request = (acceptLanguage?: string) =>
  new Request('http://localhost/', {
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });

describe('request locale', () => {
  it('[ORG19] takes the organisation’s locale over the browser’s', () => {
    expect(datesLocale('de-DE', request('en-US,en;q=0.9'))).toBe('de-DE');
  });

  it('[ORG19] falls back to the browser’s most preferred language dates can be written in', () => {
    expect(datesLocale(null, request('fr-CH, fr;q=0.9, en;q=0.8'))).toBe('fr-CH');
    expect(browserLocale('en;q=0.5, nl-NL')).toBe('nl-NL');
    expect(browserLocale('xx-YY, de;q=0.7')).toBe('de');
    expect(browserLocale('en_GB, *;q=0.1')).toBeNull();
  });

  it('leaves the locale to the runtime when the browser says nothing', () => {
    expect(datesLocale(null, request())).toBeNull();
    expect(browserLocale('')).toBeNull();
  });
});
