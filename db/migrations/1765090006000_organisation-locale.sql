-- Up Migration

-- ORG19: the organisation's locale for dates (a BCP 47 tag such as en-GB), the one every page
-- formats with; null leaves each reader's browser language. The web app validates and
-- canonicalises the tag (Intl.getCanonicalLocales); the check only keeps out what no tag is.
ALTER TABLE organisations ADD COLUMN locale text
  CHECK (locale ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' AND length(locale) <= 64);

-- Down Migration

ALTER TABLE organisations DROP COLUMN locale;
