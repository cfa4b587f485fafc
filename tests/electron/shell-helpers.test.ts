import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostArgs, parseHostArgs, resolveDataDir } from '../../electron/shell/host-args';
import { badMethodName, isMethodNameShape } from '../../electron/shell/invoke-contract';
import { findElectronBinary } from '../../electron/shell/launch';
import { updateFeedUrl } from '../../electron/shell/update-feed';

const dataDir = path.resolve('/var/lib/serambi/data');

describe('host arguments', () => {
  it('round-trip the data folder', () => {
    expect(parseHostArgs(['/opt/Serambi/serambi', 'core-host.cjs', ...hostArgs(dataDir)])).toEqual({ dataDir });
  });

  it('keep a folder with spaces and equals signs whole', () => {
    const odd = path.resolve('/home/siti/Data Cabang=1');
    expect(parseHostArgs(hostArgs(odd))).toEqual({ dataDir: odd });
  });

  it.each([[[]], [['--data-dir=']], [['--data-dir=relative/dir']], [['--data-dir', dataDir]]])('refuse %j', (argv) => {
    expect(parseHostArgs(argv)).toBeNull();
  });
});

describe('resolveDataDir', () => {
  const userData = path.resolve('/home/siti/.config/Serambi');

  it('uses SERAMBI_DATA when set', () => {
    expect(resolveDataDir({ SERAMBI_DATA: '/srv/ledger' }, userData)).toBe(path.resolve('/srv/ledger'));
  });

  it('falls back to the userData folder, where the CLI looks too', () => {
    expect(resolveDataDir({}, userData)).toBe(userData);
    expect(resolveDataDir({ SERAMBI_DATA: '  ' }, userData)).toBe(userData);
  });
});

describe('method names', () => {
  it.each(['auth.login', 'payments.expect', 'complaints.report.weekly', 'users.setRoles'])('accepts %s', (name) => {
    expect(isMethodNameShape(name)).toBe(true);
  });

  it.each([42, null, '', 'login', 'auth.', '.login', 'Auth.login', 'auth.log-in', 'auth.login\n', `a.${'b'.repeat(120)}`, '__proto__.x'])(
    'refuses %j',
    (name) => {
      expect(isMethodNameShape(name)).toBe(false);
    },
  );

  it('explains a bad name as bad input on the method field', () => {
    expect(badMethodName()).toMatchObject({ code: 'bad_input', fields: [{ path: 'method' }] });
  });
});

describe('updateFeedUrl', () => {
  it.each([
    ['https://pusat.bank.example.co.id', 'https://pusat.bank.example.co.id/updates/'],
    ['https://pusat.bank.example.co.id/', 'https://pusat.bank.example.co.id/updates/'],
    ['https://proxy.cabang.example/serambi//', 'https://proxy.cabang.example/serambi/updates/'],
    ['https://pusat.example:8443/base?x=1#y', 'https://pusat.example:8443/base/updates/'],
    ['http://127.0.0.1:7300', 'http://127.0.0.1:7300/updates/'],
    ['http://localhost:7300/', 'http://localhost:7300/updates/'],
  ])('%s → %s', (input, feed) => {
    expect(updateFeedUrl(input)).toBe(feed);
  });

  it.each([null, undefined, '', '   ', 'pusat.example', 'http://pusat.example', 'ftp://pusat.example', 'https://u:p@pusat.example'])(
    'turns the updater off for %j',
    (input) => {
      expect(updateFeedUrl(input)).toBeNull();
    },
  );
});

describe('findElectronBinary', () => {
  it('returns an existing binary or null, and never throws', () => {
    const found = findElectronBinary();
    expect(found === null || fs.existsSync(found)).toBe(true);
  });
});
