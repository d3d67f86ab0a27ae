import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readConfigFromEnv } from './config.ts';

describe('configuration', () => {
  it('[SYNC11] defaults to a 1 MiB frame limit and a group-commit delay of at most 10 ms', () => {
    expect(DEFAULT_CONFIG.maxMessageBytes).toBe(1024 * 1024);
    expect(DEFAULT_CONFIG.groupCommit.maxDelayMs).toBeLessThanOrEqual(10);
  });

  it('reads overrides from SYNC_* variables', () => {
    const config = readConfigFromEnv({
      SYNC_MAX_MESSAGE_BYTES: '2048',
      SYNC_COMMIT_DELAY_MS: '5',
      SYNC_IDLE_UNLOAD_MS: '',
    });
    expect(config.maxMessageBytes).toBe(2048);
    expect(config.groupCommit.maxDelayMs).toBe(5);
    expect(config.idleUnloadMs).toBe(DEFAULT_CONFIG.idleUnloadMs);
  });

  it('[SYNC30] probes an unreachable database every 500 ms unless SYNC_DATABASE_PROBE_MS says otherwise', () => {
    expect(DEFAULT_CONFIG.databaseProbe.intervalMs).toBe(500);
    const config = readConfigFromEnv({ SYNC_DATABASE_PROBE_MS: '250' });
    expect(config.databaseProbe).toEqual({ ...DEFAULT_CONFIG.databaseProbe, intervalMs: 250 });
  });

  it('refuses a value that is not a number rather than running unlimited', () => {
    expect(() => readConfigFromEnv({ SYNC_MAX_DOCUMENT_BYTES: '10MB' })).toThrow(
      /SYNC_MAX_DOCUMENT_BYTES/,
    );
  });
});
