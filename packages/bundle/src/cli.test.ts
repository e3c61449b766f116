import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { run, spawn } from './cli-test-support.ts';
import sampleJson from './fixtures/sample.bundle.json';
import sampleDigests from './fixtures/sample.digests.json';
import { parseBundle } from './parse.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SAMPLE = here('./fixtures/sample.bundle.json');



let dir: string;
let invalidPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'terms-bundle-'));
  const invalid: any = structuredClone(sampleJson);
  invalid.version = 'v2';
  invalid.documents[1].clauses[1].id = '1';
  invalidPath = join(dir, 'invalid.json');
  await writeFile(invalidPath, JSON.stringify(invalid));
});

describe('as a process', () => {
  test('validate: prints "valid", warnings on stderr, exit 0', async () => {
    const result = await spawn(['validate', SAMPLE]);
    expect(result).toEqual({
      code: 0,
      stdout: 'valid\n',
      stderr:
        'warning: documents[0].clauses[1].clauses[1].highlight: marked clause has no explanation\n' +
        'warning: documents[0].clauses[1].clauses[1].highlight: suggested highlight, not reviewed yet\n',
    });
  });

  test('validate: one error a line on stderr, exit 1', async () => {
    const result = await spawn(['validate', invalidPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((line) => !line.startsWith('warning:'))).toEqual([
      'version: expected MAJOR.MINOR like "1.0", got "v2"',
      'documents[1].clauses[1].id: duplicate id "1" (first at documents[1].clauses[0].id)',
      '',
    ]);
  });

  test('digest: prints only the bundle digest on stdout', async () => {
    const result = await spawn(['digest', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(sampleDigests.bundle + '\n');
  });

  test('an unknown command prints usage on stderr and exits 2', async () => {
    const result = await spawn(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage: terms-bundle/);
  });
});

describe('commands', () => {
  test.each(['help', '--help', '-h'])('%s prints usage on stdout', async (flag) => {
    const result = await run(flag);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: terms-bundle <command>/);
    expect(result.stdout).toMatch(/import <file\.md>[\s\S]*validate <bundle\.json>[\s\S]*digest <bundle\.json>/);
  });

  test('no command at all is a usage error', async () => {
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringContaining('no command given') });
  });

  test('a wrong option is a usage error', async () => {
    expect(await run('validate', '--frob', SAMPLE)).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
  });

  test('validate needs exactly one file', async () => {
    expect(await run('validate')).toMatchObject({ code: 2, stderr: expect.stringContaining('validate takes exactly one file') });
  });

  test('a missing file is reported, exit 1', async () => {
    const result = await run('digest', join(dir, 'nope.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^terms-bundle: ENOENT/);
  });

  test('a file that is not JSON is reported in the error form, exit 1', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"format": 1');
    const result = await run('validate', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^not valid JSON: /);
  });

  test('digest of an invalid bundle prints errors and no digest', async () => {
    const result = await run('digest', invalidPath);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});

describe('import', () => {
  const markdown = [
    '# Example Terms of Service',
    '',
    'Effective date: 2026-02-01',
    '',
    '## 1. Using the service',
    '',
    '1.1 You may use the service for lawful purposes.',
    '',
    '1.2 We may change the service at any time.',
    '',
    '## 2. Liability',
    '',
    '2.1 We are not liable for indirect losses.',
    '',
  ].join('\n');

  test('turns Markdown into a valid bundle with the given id, locale and version', async () => {
    const source = join(dir, 'terms.md');
    const output = join(dir, 'terms.json');
    await writeFile(source, markdown);
    const result = await run('import', source, '-o', output, '--locale', 'en', '--id', 'example', '--version', '3.1', '--document-id', 'tos');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const written = JSON.parse(await readFile(output, 'utf8'));
    const parsed = parseBundle(written);
    expect(parsed.ok).toBe(true);
    expect(written).toMatchObject({
      id: 'example',
      version: '3.1',
      documents: [{ id: 'tos', locale: 'en', title: 'Example Terms of Service', effectiveDate: '2026-02-01' }],
    });
    expect(JSON.stringify(written)).toContain('We are not liable for indirect losses.');
  });

  test('a document the importer cannot read is reported, exit 1', async () => {
    const source = join(dir, 'undated.md');
    await writeFile(source, markdown.replace('Effective date: 2026-02-01', ''));
    const result = await run('import', source);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^terms-bundle: .*effective date/) });
    // The option supplies what the document lacks.
    expect(await run('import', source, '--effective-date', '2026-03-01')).toMatchObject({ code: 0 });
  });

  test('a document without a title is reported with the option that supplies one, which works', async () => {
    const source = join(dir, 'untitled.md');
    await writeFile(source, markdown.replace(/^# .*\n/m, ''));
    const result = await run('import', source);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/no title.*--title/) });
    const titled = await run('import', source, '--title', '服务条款');
    expect(titled.code).toBe(0);
    expect(JSON.parse(titled.stdout).documents[0].title).toBe('服务条款');
  });

  test('prints the bundle on stdout without -o', async () => {
    const source = join(dir, 'terms-stdout.md');
    await writeFile(source, markdown);
    const result = await run('import', source, '--locale', 'en');
    expect(result.code).toBe(0);
    expect(parseBundle(result.stdout).ok).toBe(true);
  });
});
