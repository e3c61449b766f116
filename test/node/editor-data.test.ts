/**
 * Editor data (VS Code HTML and CSS custom data, JetBrains web-types) is generated from
 * custom-elements.json by scripts/generate-editor-data.mjs: the committed files must match a fresh
 * generation and list every element, attribute, event, part, CSS property and state of the manifest.
 * Needs `pnpm build` (or `pnpm cem`) first for the manifest.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { repoRoot } from '../support/paths.ts';

const at = (path: string) => resolve(repoRoot, 'packages/elements', path);
const readJson = async (path: string) => JSON.parse(await readFile(at(path), 'utf8'));

interface Named {
  name: string;
}
interface ManifestElement {
  tagName: string;
  customElement?: boolean;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}

let elements: ManifestElement[];
beforeAll(async () => {
  const manifest = await readJson('custom-elements.json');
  elements = manifest.modules.flatMap((module: { declarations?: ManifestElement[] }) => (module.declarations ?? []).filter((declaration) => declaration.customElement));
  expect(elements.map((element) => element.tagName)).toEqual(expect.arrayContaining(['terms-gate', 'terms-highlight', 'terms-modal', 'terms-viewer']));
});

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name).sort();

test('the committed files are up to date with custom-elements.json', async () => {
  const result = await promisify(execFile)(process.execPath, [resolve(repoRoot, 'scripts/generate-editor-data.mjs'), '--check']).catch((error: { stderr: string }) => error);
  expect('stderr' in result ? result.stderr : '').toBe('');
});

test('package.json points JetBrains IDEs at web-types.json and ships the editor files', async () => {
  const pkg = await readJson('package.json');
  expect(pkg['web-types']).toBe('./web-types.json');
  expect(pkg.files).toEqual(expect.arrayContaining(['web-types.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json']));
});

test('VS Code HTML data: every element with every attribute', async () => {
  const data = await readJson('vscode.html-custom-data.json');
  for (const element of elements) {
    const tag = data.tags.find((candidate: Named) => candidate.name === element.tagName);
    expect(tag, element.tagName).toBeDefined();
    expect(names(tag.attributes)).toEqual(names(element.attributes));
    for (const event of names(element.events)) expect(tag.description).toContain(`\`${event}\``);
  }
});

test('VS Code CSS data: every custom property, part and state', async () => {
  const data = await readJson('vscode.css-custom-data.json');
  const all = (pick: (element: ManifestElement) => Named[] | undefined, format: (name: string) => string) => [...new Set(elements.flatMap((element) => names(pick(element)).map(format)))].sort();
  expect(names(data.properties)).toEqual(all((element) => element.cssProperties, (name) => name));
  expect(names(data.pseudoElements)).toEqual(all((element) => element.cssParts, (name) => `::part(${name})`));
  expect(names(data.pseudoClasses)).toEqual(all((element) => element.cssStates, (name) => `:state(${name})`));
  for (const property of data.properties) expect(property.name).toMatch(/^--terms-/);
});

test('web-types: every element with its attributes, events, parts and custom properties', async () => {
  const data = await readJson('web-types.json');
  const pkg = await readJson('package.json');
  expect(data.version).toBe(pkg.version);
  for (const element of elements) {
    const entry = data.contributions.html.elements.find((candidate: Named) => candidate.name === element.tagName);
    expect(entry, element.tagName).toBeDefined();
    expect(names(entry.attributes)).toEqual(names(element.attributes));
    expect(names(entry.events)).toEqual(names(element.events));
    expect(names(entry.js.events)).toEqual(names(element.events));
    expect(names(entry.css.parts)).toEqual(names(element.cssParts));
    expect(names(entry.css.properties)).toEqual(names(element.cssProperties));
  }
});
