// What the running servers need. The embedded engine and the migrator are imported by subpath
// (`@threadline/db/embedded`, `@threadline/db/migrate`) from scripts and tests only, so the web
// bundle never pulls PostgreSQL's binaries in.
export * from './connection.ts';
export * from './database-unavailable.ts';
export * from './sessions.ts';
export * from './passwords.ts';
