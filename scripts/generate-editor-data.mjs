/**
 * Editor support generated from packages/elements/custom-elements.json, written into packages/elements/:
 * - vscode.html-custom-data.json: tags and attributes for VS Code's HTML language service
 *   (`html.customData` setting);
 * - vscode.css-custom-data.json: the `--terms-*` custom properties, `::part()` names and `:state()`
 *   names for VS Code's CSS language service (`css.customData` setting);
 * - web-types.json: the same for JetBrains IDEs (found through `web-types` in package.json), with
 *   properties and events as well.
 *
 * Usage: node scripts/generate-editor-data.mjs [--check]   (--check: exit 1 if a file is stale)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readElements, repoRoot, writeOrCheck } from './lib/manifest.mjs';

const elementsDir = join(repoRoot, 'packages/elements');
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** `'auto' | 'light' | 'dark'` → ['auto', 'light', 'dark']; anything else → undefined. */
export function literalValues(type) {
  const parts = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  return parts.length && parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : undefined;
}
const isBoolean = (type) => type.split('|').every((part) => ['boolean', 'undefined'].includes(part.trim()));
const withDefault = (description, value) => (value !== undefined && !/\bDefault\b/i.test(description) ? `${description} Default: \`${value}\`.` : description);

/** @param {import('./lib/manifest.mjs').ElementContract[]} elements */
export function vscodeHtmlData(elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tag,
      description: [
        element.summary,
        element.events.length ? `Events: ${element.events.map((event) => `\`${event.name}\``).join(', ')}.` : '',
        element.parts.length ? `Parts: ${element.parts.map((part) => `\`${part.name}\``).join(', ')}.` : '',
      ].filter(Boolean).join('\n\n'),
      attributes: element.attributes.map((attribute) => {
        const values = literalValues(attribute.type);
        return {
          name: attribute.name,
          description: withDefault(attribute.description, attribute.default),
          ...(isBoolean(attribute.type) ? { valueSet: 'v' } : {}),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

/** @param {import('./lib/manifest.mjs').ElementContract[]} elements */
export function vscodeCssData(elements) {
  // One entry per name (VS Code completes `::part(` and `:state(` without knowing the element), each
  // saying which elements have it and what it is in each.
  const merge = (pick, name, describe) => {
    const entries = new Map();
    for (const element of elements) {
      for (const item of pick(element)) {
        const key = name(item);
        const entry = entries.get(key) ?? { name: key, descriptions: [] };
        entry.descriptions.push(`<${element.tag}>: ${describe(item)}`);
        entries.set(key, entry);
      }
    }
    return [...entries.values()].map((entry) => ({ name: entry.name, description: [...new Set(entry.descriptions)].join('\n\n') }));
  };
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: merge((element) => element.cssProperties, (property) => property.name, (property) => withDefault(property.description, property.default)),
    pseudoElements: merge((element) => element.parts, (part) => `::part(${part.name})`, (part) => part.description),
    pseudoClasses: merge((element) => element.cssStates, (state) => `:state(${state.name})`, (state) => state.description),
  };
}

/** @param {import('./lib/manifest.mjs').ElementContract[]} elements */
export function webTypes(elements, version) {
  const describedValue = (type) => {
    const values = literalValues(type);
    return values ? { type, kind: 'plain', enum: values } : isBoolean(type) ? { type: 'boolean', kind: 'no-value' } : { type, kind: 'plain' };
  };
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: '@terms-gate/elements',
    version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tag,
          description: element.summary,
          attributes: element.attributes.map((attribute) => ({ name: attribute.name, description: withDefault(attribute.description, attribute.default), value: describedValue(attribute.type), ...(attribute.default !== undefined ? { default: attribute.default } : {}) })),
          events: element.events.map((event) => ({ name: event.name, description: event.description })),
          js: {
            properties: element.properties.map((property) => ({ name: property.name, description: property.description, value: { type: property.type } })),
            events: element.events.map((event) => ({ name: event.name, description: event.description, value: { type: event.eventClass } })),
          },
          css: {
            properties: element.cssProperties.map((property) => ({ name: property.name, description: withDefault(property.description, property.default) })),
            parts: element.parts.map((part) => ({ name: part.name, description: part.description })),
          },
        })),
      },
    },
  };
}

export async function editorDataFiles() {
  const elements = await readElements();
  const { version } = JSON.parse(await readFile(join(elementsDir, 'package.json'), 'utf8'));
  return {
    [join(elementsDir, 'vscode.html-custom-data.json')]: json(vscodeHtmlData(elements)),
    [join(elementsDir, 'vscode.css-custom-data.json')]: json(vscodeCssData(elements)),
    [join(elementsDir, 'web-types.json')]: json(webTypes(elements, version)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const stale = await writeOrCheck(await editorDataFiles(), check);
  if (check && stale.length) {
    console.error(`stale (run node scripts/generate-editor-data.mjs):\n${stale.join('\n')}`);
    process.exitCode = 1;
  }
}
