/**
 * custom-elements.json for Storybook's autodocs and editors, generated from the element classes' JSDoc
 * (`pnpm cem` writes packages/elements/custom-elements.json; it is generated, not committed).
 *
 * The plugin below keeps the manifest to the public contract: no private `@state`/`@query` fields,
 * helpers or lifecycle hooks; events only as documented with `@event`, each typed with its event
 * class and detail; every `--terms-*` property with the default its description states.
 */

/** Lifecycle hooks every custom element or Lit element has: not part of any element's own API. */
const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'formAssociatedCallback',
  'formDisabledCallback',
  'formResetCallback',
  'formStateRestoreCallback',
  'render',
  'willUpdate',
  'update',
  'updated',
  'firstUpdated',
  'shouldUpdate',
  'createRenderRoot',
  'scheduleUpdate',
  'getUpdateComplete',
]);

function isPublic(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (member.name.startsWith('_') || member.name.startsWith('#')) return false;
  if (member.static) return false;
  return !LIFECYCLE.has(member.name);
}

/** An interface's own members as text, and the interfaces it extends. */
function interfaceShape(node) {
  const members = node.members.map((member) => member.getText().replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/[;,]\s*$/, ''));
  const bases = (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText()));
  return { members, bases };
}

/** `interface B extends A { b: B }` → `{ a: A; b: B }`: an event's detail as a reader needs it. */
function detailText(name, shapes) {
  const collect = (current, seen) => {
    const shape = shapes.get(current);
    if (!shape || seen.has(current)) return [];
    seen.add(current);
    return [...shape.bases.flatMap((base) => collect(base, seen)), ...shape.members];
  };
  return shapes.has(name) ? `{ ${collect(name, new Set()).join('; ')} }` : name;
}

function publicContract() {
  /** Event name → its class and detail type, read from `class XEvent extends CustomEvent<Detail> { static eventName = 'x' }`. */
  const eventTypes = new Map();
  const shapes = new Map();
  return {
    name: 'terms-gate:public-contract',
    analyzePhase({ ts, node }) {
      if (ts.isInterfaceDeclaration(node)) shapes.set(node.name.text, interfaceShape(node));
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const base = node.heritageClauses?.[0]?.types[0];
      if (base?.expression.getText() !== 'CustomEvent') return;
      const nameField = node.members.find((member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'eventName');
      const eventName = nameField?.initializer && ts.isStringLiteral(nameField.initializer) ? nameField.initializer.text : undefined;
      if (eventName) eventTypes.set(eventName, { className: node.name.text, detail: base.typeArguments?.[0]?.getText() ?? 'unknown' });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          if (!declaration.customElement) continue;
          // Events the analyzer inferred from dispatchEvent() calls carry no name or no description:
          // the class JSDoc's `@event` list is the contract.
          declaration.events = (declaration.events ?? [])
            .filter((event) => event.name && event.description)
            .map((event) => {
              const known = eventTypes.get(event.name);
              if (!known) return event;
              return { ...event, type: { text: `${known.className}, detail ${detailText(known.detail, shapes)}` } };
            });
          for (const property of declaration.cssProperties ?? []) {
            const stated = /Default `([^`]+)`/.exec(property.description ?? '');
            if (stated && property.default === undefined) property.default = stated[1];
          }
        }
      }
    },
  };
}

export default {
  litelement: true,
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', 'packages/elements/src/test-support/**', 'packages/elements/src/**/fixtures.ts'],
  outdir: 'packages/elements',
  // Leave package.json alone: the manifest is a build artefact for Storybook.
  packagejson: false,
  plugins: [publicContract()],
};
