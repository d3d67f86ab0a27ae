// ORG19's fallback: with no organisation locale, dates follow the reader's browser language. The
// server learns it from Accept-Language, so what it renders is what the browser then shows.
import { parseLocale } from '@threadline/domain/org/locale';

/** The most preferred language of an Accept-Language header that dates can be written in. */
export function browserLocale(acceptLanguage: string | null): string | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const parsed = parseLocale(tag);
    if (parsed.ok && parsed.value !== null) return parsed.value;
  }
  return null;
}

/** ORG19: the organisation's locale, else the browser's; null leaves it to the runtime. */
export function datesLocale(organisationLocale: string | null, request: Request): string | null {
  return organisationLocale ?? browserLocale(request.headers.get('accept-language'));
}
