/**
 * The elements' public contract as read from packages/elements/custom-elements.json (written by
 * `pnpm cem` from the classes' JSDoc): what the framework types and the editor data are generated from.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const manifestPath = fileURLToPath(new URL('../../packages/elements/custom-elements.json', import.meta.url));

/**
 * @typedef {{ name: string, description: string, type: string }} Described
 * @typedef {{ name: string, description: string, type: string, attribute?: string }} Property
 * @typedef {{ name: string, description: string, eventClass: string }} ElementEvent
 * @typedef {{ tag: string, className: string, summary: string, module: string, properties: Property[],
 *   attributes: Array<Described & { default?: string }>, events: ElementEvent[], parts: Described[],
 *   cssProperties: Array<Described & { default?: string }>, cssStates: Described[], slots: Described[] }} ElementContract
 */

/** @returns {Promise<ElementContract[]>} sorted by tag */
export async function readElements(path = manifestPath) {
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const text = (value) => (value ?? '').replace(/\s+/g, ' ').trim();
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        module: module.path,
        summary: text(declaration.summary ?? declaration.description),
        // Writable public fields: what a framework may set as a property.
        properties: (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.readonly && !member.static && (member.privacy ?? 'public') === 'public')
          .map((member) => ({ name: member.name, description: text(member.description), type: member.type?.text ?? 'unknown', attribute: member.attribute })),
        attributes: (declaration.attributes ?? []).map((attribute) => ({ name: attribute.name, description: text(attribute.description), type: attribute.type?.text ?? 'string', default: attribute.default })),
        // `type.text` reads "TermsAcceptEvent, detail { … }" (custom-elements-manifest.config.mjs).
        events: (declaration.events ?? []).map((event) => ({ name: event.name, description: text(event.description), eventClass: /^(\w+Event)\b/.exec(event.type?.text ?? '')?.[1] ?? 'CustomEvent' })),
        parts: (declaration.cssParts ?? []).map((part) => ({ name: part.name, description: text(part.description), type: '' })),
        cssProperties: (declaration.cssProperties ?? []).map((property) => ({ name: property.name, description: text(property.description), type: '', default: property.default })),
        cssStates: (declaration.cssStates ?? []).map((state) => ({ name: state.name, description: text(state.description), type: '' })),
        slots: (declaration.slots ?? []).map((slot) => ({ name: slot.name, description: text(slot.description), type: '' })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `terms-accept` → `TermsAccept`. */
export const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase());

/** Writes each file, or with `check` returns the paths whose content differs from what is on disk. */
export async function writeOrCheck(files, check) {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  const stale = [];
  for (const [path, content] of Object.entries(files)) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) continue;
    stale.push(path);
    if (!check) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  return stale;
}
