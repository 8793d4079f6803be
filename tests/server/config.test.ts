import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';

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
      demo: true,
      publicOrigin: 'https://agora.example.org',
    });
    expect(readConfig({ HOST: '::1', PORT: '80' }).publicOrigin).toBe('http://[::1]:80');
  });

  it.each([
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
  ])('refuses %o with one line that says what it takes', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
