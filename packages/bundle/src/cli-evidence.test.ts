import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import seedJson from '../../../demo/terms/xiaoyi.json';
import { run, spawn } from './cli-test-support.ts';
import { computeDigests } from './digest.ts';
import { assertBundle } from './parse.ts';
import { buildReceipt, sealReceipt } from './receipt.ts';
import type { Receipt } from './receipt-types.ts';
import { allClauses } from './walk.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SEED = here('../../../demo/terms/xiaoyi.json');



let dir: string;
let receipt: Receipt;
const file = async (name: string, value: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof value == 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'terms-evidence-'));
  const bundle = assertBundle(seedJson);
  receipt = await sealReceipt(buildReceipt(bundle, await computeDigests(bundle), {
    outcome: 'decline',
    locale: 'zh-CN',
    openedAt: '2026-01-05T08:00:00.000Z',
    decidedAt: '2026-01-05T08:00:30.000Z',
    requirements: { requireRead: false, minReadSeconds: 0, requireAcknowledge: false },
    visibility: [{ document: 'terms-of-service', clause: '4.4', visibleMs: 2000, firstSeenAt: '2026-01-05T08:00:10.000Z' }],
    explanations: [],
    acknowledgements: [],
    checkbox: [],
    consents: [],
    documentsOpened: ['terms-of-service'],
    library: { name: '@terms-gate/elements', version: '0.1.0' },
  }));
});

describe('terms-bundle verify', () => {
  test('a genuine receipt: "valid", exit 0 (as a process)', async () => {
    expect(await spawn(['verify', SEED, await file('receipt.json', receipt)])).toEqual({ code: 0, stdout: 'valid\n', stderr: '' });
  });

  test('an edited receipt: one problem a line on stderr, exit 1', async () => {
    const edited = { ...receipt, outcome: 'accept', bundle: { ...receipt.bundle, version: '1.1' } };
    const result = await run('verify', SEED, await file('edited.json', edited));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'bundle.version: "1.1" does not match the bundle ("1.0")',
      'checkbox: the outcome is accept, but the checkbox was not left checked (R8)',
      `integrity: ${receipt.integrity.slice(0, 19)}… is not the digest of the receipt: the receipt was changed after it was made; the other problems name what changed`,
      '',
    ]);
  });

  test('an edited bundle names the clause', async () => {
    const bundle: any = structuredClone(seedJson);
    const clause = allClauses(bundle.documents[0].clauses).find((c) => c.id == '4.4')!;
    (clause.body![0] as any).text[0] = (clause.body![0] as any).text[0].replace('服务费用', '服务费');
    const result = await run('verify', await file('bundle-edited.json', bundle), await file('receipt.json', receipt));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^marked\[\d+\]\.digest: clause 4\.4 \(zh-CN\) has changed/m);
  });

  test('unreadable receipt: exit 1; wrong arguments: exit 2', async () => {
    expect((await run('verify', SEED, await file('bad.json', '{'))).code).toBe(1);
    const usage = await run('verify', SEED);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^terms-bundle: verify takes exactly 2 files/);
  });
});

describe('terms-bundle diff', () => {
  let next: string;
  beforeAll(async () => {
    const bundle: any = structuredClone(seedJson);
    bundle.version = '1.1';
    const clause = allClauses(bundle.documents[0].clauses).find((c) => c.id == '4.4')!;
    (clause.body![0] as any).text[0] = (clause.body![0] as any).text[0].replace('服务费用总额', '服务费用总额的两倍');
    next = await file('next.json', bundle);
  });

  test('human output marks insertions and warns on stderr (as a process)', async () => {
    const result = await spawn(['diff', SEED, next]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('xiaoyi-platform-terms 1.0 → 1.1 (MINOR: users are not asked again)');
    expect(result.stdout).toContain('  changed 4.4 (marked)\n');
    expect(result.stdout).toMatch(/服务费用总额\{\+的两倍\+\}。/);
    expect(result.stderr).toBe(
      'warning: documents.terms-of-service.clauses.4.4: the text of marked clause 4.4 changed, but 1.0 → 1.1 keeps MAJOR 1, so users who accepted 1.0 are not asked again (R19)\n',
    );
  });

  test('--json prints the whole diff', async () => {
    const result = await run('diff', SEED, next, '--json');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.version).toEqual({ from: '1.0', to: '1.1' });
    expect(diff.documents[0].texts[0].clauses[0]).toMatchObject({ status: 'changed', clause: '4.4', textChanged: true });
    expect(diff.warnings).toHaveLength(1);
  });

  test('an invalid bundle: exit 1', async () => {
    const result = await run('diff', SEED, await file('invalid.json', { format: 1 }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid.json: id: missing required field');
  });
});

describe('terms-bundle lint', () => {
  test('no warnings: exit 0 (as a process)', async () => {
    expect(await spawn(['lint', SEED])).toEqual({ code: 0, stdout: 'no warnings\n', stderr: '' });
  });

  test('warnings print and exit 0; --strict exits 1', async () => {
    const bundle: any = structuredClone(seedJson);
    bundle.consents[0].required = true;
    const path = await file('lint.json', bundle);
    const result = await run('lint', path);
    expect(result).toEqual({
      code: 0,
      stdout: '1 warning\n',
      stderr: 'warning: consents[0].required: required, but its own words call it optional ("可选"); an optional consent must never block accepting (R16) [consent-optional]\n',
    });
    expect((await run('lint', path, '--strict')).code).toBe(1);
  });

  test('--tokens checks contrast', async () => {
    const tokens = await file('tokens.json', { text: '#aaa', surface: '#fff' });
    const result = await run('lint', SEED, '--tokens', tokens);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: tokens\.text: body text: text on surface has contrast 2\.32:1/);
  });

  test('an invalid bundle: errors, exit 1', async () => {
    const result = await run('lint', await file('invalid-lint.json', { format: 1, id: 'x', version: '1', documents: [] }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('version: expected MAJOR.MINOR like "1.0", got "1" [format]');
  });

  test('help lists the evidence commands', async () => {
    const { stdout } = await run('help');
    expect(stdout).toMatch(/verify <bundle\.json> <receipt\.json>[\s\S]*diff <old\.json> <new\.json> \[--json\][\s\S]*lint <bundle\.json> \[--strict\]/);
  });
});
