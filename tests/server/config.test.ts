import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { DEFAULT_LIMITS } from '../../src/server/rules/rate-limits';

describe('the server’s settings', () => {
  it('has defaults for a person trying it on their own machine', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      demo: false,
      publicOrigin: 'http://127.0.0.1:3000',
    });
    expect(config.databaseFile).toBe(`${process.cwd()}/data/agora.sqlite`);
  });

  it('takes each setting from the environment', () => {
    const config = readConfig({
      PORT: '8080',
      HOST: '::',
      DATA_DIR: '/srv/agora',
      AGORA_DEMO: '1',
      PUBLIC_ORIGIN: 'https://agora.example.org/',
    });
    expect(config).toEqual({
      port: 8080,
      host: '::',
      dataDir: '/srv/agora',
      databaseFile: '/srv/agora/agora.sqlite',
      databaseUrl: null,
      poolSize: 10,
      database: '/srv/agora/agora.sqlite',
      demo: true,
      publicOrigin: 'https://agora.example.org',
      mail: null,
      rateLimits: DEFAULT_LIMITS,
      trustProxy: false,
      heartbeatMs: 20_000,
    });
    expect(readConfig({ AGORA_HEARTBEAT_SECONDS: '2.5' }).heartbeatMs).toBe(2_500);
    expect(readConfig({ HOST: '::1', PORT: '80' }).publicOrigin).toBe('http://[::1]:80');
  });

  it('puts the forum on PostgreSQL when DATABASE_URL names one, and never shows its password', () => {
    const url = 'postgres://agora:s3cret@db.example.org:5432/agora';
    expect(readConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' })).toMatchObject({
      databaseUrl: url,
      poolSize: 4,
      database: 'postgres://agora:***@db.example.org:5432/agora',
    });
    expect(readConfig({ DATABASE_URL: 'postgresql://127.0.0.1/agora' }).poolSize).toBe(10);
  });

  it('keeps rate limits on with their defaults, takes one bucket’s limit, and turns them all off', () => {
    expect(readConfig({}).rateLimits).toEqual(DEFAULT_LIMITS);
    const { rateLimits } = readConfig({
      AGORA_RATE_LIMIT_SIGN_IN: '5/600',
      AGORA_RATE_LIMIT_SIGN_IN_ADDRESS: '200/900',
    });
    expect(rateLimits).toEqual({
      ...DEFAULT_LIMITS,
      'sign-in': { max: 5, windowSeconds: 600 },
      'sign-in-address': { max: 200, windowSeconds: 900 },
    });
    expect(readConfig({ AGORA_RATE_LIMITS: 'off' }).rateLimits).toBeNull();
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
  });

  it.each([
    [
      { AGORA_RATE_LIMITS: 'no' },
      'AGORA_RATE_LIMITS must be off (no limits, for load tests) or on, not "no".',
    ],
    [
      { AGORA_RATE_LIMIT_COMMENT: '30' },
      'AGORA_RATE_LIMIT_COMMENT must be attempts/seconds such as 30/600, not "30".',
    ],
    [
      { AGORA_RATE_LIMIT_FLAG: '0/600' },
      'AGORA_RATE_LIMIT_FLAG must be attempts/seconds such as 20/600, not "0/600".',
    ],
    [
      { TRUST_PROXY: 'yes' },
      'TRUST_PROXY must be 1 (behind a proxy that sets X-Forwarded-For) or 0, not "yes".',
    ],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, not "-1".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000".'],
    [{ PORT: '3000.5' }, 'PORT must be a whole number from 0 to 65535, not "3000.5".'],
    [{ HOST: 'my host' }, 'HOST must be an IP address or a host name, not "my host".'],
    [{ AGORA_DEMO: 'true' }, 'AGORA_DEMO must be 1 (add the demo accounts) or 0, not "true".'],
    [
      { PUBLIC_ORIGIN: 'https://agora.example.org/forum' },
      'PUBLIC_ORIGIN must be an origin such as https://agora.example.org (scheme, host, optional port, no path), not "https://agora.example.org/forum".',
    ],
    [
      { PUBLIC_ORIGIN: 'ftp://agora.example.org' },
      'PUBLIC_ORIGIN must be an origin such as https://agora.example.org (scheme, host, optional port, no path), not "ftp://agora.example.org".',
    ],
    [
      { DATABASE_URL: 'mysql://127.0.0.1/agora' },
      'DATABASE_URL must be a PostgreSQL address such as postgres://agora@127.0.0.1:5432/agora (with the database name), or unset for the SQLite file.',
    ],
    [
      { DATABASE_URL: 'postgres://127.0.0.1' },
      'DATABASE_URL must be a PostgreSQL address such as postgres://agora@127.0.0.1:5432/agora (with the database name), or unset for the SQLite file.',
    ],
    [
      { DATABASE_POOL_SIZE: '0' },
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "0".',
    ],
    [
      { AGORA_HEARTBEAT_SECONDS: '60' },
      'AGORA_HEARTBEAT_SECONDS must be a number of seconds from 0.05 to 30 (pages take a stream quiet for 50 s as lost), not "60".',
    ],
  ])('refuses %o with one line that says what it takes', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
