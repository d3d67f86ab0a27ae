// Amounts as the Pay view and the session page write them (CAL82): minor units (hundredths) in
// the person's currency, in the organisation's locale (ORG19, lib/format/locale.ts).
import { pageLocale } from '$lib/format/locale';

const formats = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    formats.set(key, format);
  }
  return format;
}

/** 281790 EUR → "€2,818" (en-GB): whole units, as pay is discussed. */
export function formatMoney(minor: number, currency: string, locale = pageLocale()): string {
  return formatter(currency, locale).format(minor / 100);
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** 5.5 → "5.5%" in the page's locale. */
export function formatPercent(percent: number, locale = pageLocale()): string {
  const key = locale ?? '';
  let format = percentFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(key, format);
  }
  return format.format(percent / 100);
}
