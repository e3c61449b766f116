/**
 * Watching a page for anything a hostile string could make it do: run script (alert, confirm,
 * prompt, a global flag), add an element or attribute, load a resource, or point a link at a
 * scheme other than http, https, mailto or tel. Looks into every shadow root.
 */

/** Every element under `root`, in document order, crossing into open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** The data of every text node under `root`, crossing into shadow roots. */
export function deepTexts(root: ParentNode): string[] {
  const texts: string[] = [];
  const fromRoot = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push((walker.currentNode as Text).data);
  };
  fromRoot(root as Node);
  for (const element of deepElements(root)) if (element.shadowRoot) fromRoot(element.shadowRoot);
  return texts;
}

const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/** Where an element sits: its tag, part and the id of the nearest element with one. */
function describe(element: Element): string {
  const part = element.getAttribute('part');
  let owner: Node | null = element;
  let id = '';
  while (owner && !id) {
    if (owner instanceof Element && owner.id) id = owner.id;
    owner = owner.parentNode ?? (owner instanceof ShadowRoot ? owner.host : null);
  }
  return `<${element.localName}${part ? ` part="${part}"` : ''}>${id ? ` in #${id}` : ''}`;
}

/** The library's own decorative icon is the one SVG allowed: `<svg part="icon" aria-hidden>` with one `<path>`. */
function isOwnIcon(element: Element): boolean {
  const svg = element.localName === 'path' ? element.parentElement : element;
  return svg?.localName === 'svg' && svg.getAttribute('part') === 'icon' && svg.parentElement?.classList.contains('badges') === true && svg.getRootNode() instanceof ShadowRoot;
}

const ALWAYS_FORBIDDEN = new Set(['script', 'img', 'iframe', 'frame', 'frameset', 'object', 'embed', 'math', 'style', 'link', 'meta', 'base', 'template', 'form', 'textarea', 'select', 'video', 'audio', 'source', 'marquee', 'xmp', 'noscript', 'portal', 'image', 'use', 'animate', 'set', 'foreignobject', 'xss', 'x', 'isindex', 'keygen', 'body', 'table']);

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'background', 'data', 'poster', 'dynsrc', 'lowsrc', 'ping']);

/** The shape a render is allowed to have: learned from the same render with harmless text. */
export interface Allowlist {
  tags: Set<string>;
  attributes: Set<string>;
}

export function learnAllowlist(root: ParentNode, into: Allowlist = { tags: new Set(), attributes: new Set() }): Allowlist {
  for (const element of deepElements(root)) {
    into.tags.add(element.localName);
    for (const attribute of element.attributes) into.attributes.add(attribute.name.toLowerCase());
  }
  return into;
}

/** Everything under `root` that hostile text must not have produced; empty when clean. */
export function auditTree(root: ParentNode, allow: Allowlist): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if ((tag === 'svg' || tag === 'path') && !isOwnIcon(element)) problems.push(`unexpected ${describe(element)}`);
    else if (ALWAYS_FORBIDDEN.has(tag) || !allow.tags.has(tag)) problems.push(`unexpected element ${describe(element)}`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler attribute ${name} on ${describe(element)}`);
      else if (!allow.attributes.has(name)) problems.push(`unexpected attribute ${name}="${attribute.value.slice(0, 60)}" on ${describe(element)}`);
      // As the URL parser reads a scheme: C0 controls and spaces at the start, tabs and newlines anywhere, are dropped.
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data|livescript):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`script-like URL in ${name} on ${describe(element)}`);
    }
    if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) {
      // The browser's own URL parser decides the scheme, after removing tabs, newlines and spaces.
      if (!ALLOWED_SCHEMES.includes(element.protocol)) problems.push(`link with scheme ${element.protocol} (${element.getAttribute('href')!.slice(0, 60)}) on ${describe(element)}`);
    }
  }
  return problems;
}

/**
 * Global traps: `alert`, `confirm`, `prompt`, `print` and `open` record instead of acting, a getter
 * on `window.__pwned` notices both reads and writes, and every shadow root created from now on is
 * watched by a MutationObserver for elements and `on*` attributes, so even a node that is added and
 * removed again is seen. Also counts resource loads to hosts no test page uses.
 */
export function installTraps() {
  const calls: string[] = [];
  const win = window as unknown as Record<string, unknown>;
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    win[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(', ')})`);
      return null;
    };
  }
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => (calls.push('read window.__pwned'), undefined),
    set: (value) => calls.push(`window.__pwned = ${String(value)}`),
  });
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));

  const mutations: string[] = [];
  const handle = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName?.toLowerCase().startsWith('on')) mutations.push(`attribute ${record.attributeName} set on <${(record.target as Element).localName}>`);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const element of [node, ...node.querySelectorAll('*')]) {
          if (ALWAYS_FORBIDDEN.has(element.localName) || ((element.localName === 'svg' || element.localName === 'path') && !isOwnIcon(element))) mutations.push(`added <${element.localName}>`);
          for (const attribute of element.attributes) if (attribute.name.toLowerCase().startsWith('on')) mutations.push(`added ${attribute.name} on <${element.localName}>`);
        }
      }
    }
  };
  const observer = new MutationObserver(handle);
  const options: MutationObserverInit = { childList: true, subtree: true, attributes: true };
  observer.observe(document.body, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
  const loads: string[] = [];
  const resources = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (/xss\.example|\/x\.js|xss\.htc|x\.css|\/(x|1|a\.png)$/.test(entry.name)) loads.push(`loaded ${entry.name}`);
  });
  resources.observe({ type: 'resource' });

  return {
    /** What happened since the last call; empty when nothing did. */
    take(): string[] {
      handle(observer.takeRecords());
      loads.push(...resources.takeRecords().filter((entry) => /xss\.example|\/x\.js|xss\.htc|x\.css|\/(x|1|a\.png)$/.test(entry.name)).map((entry) => `loaded ${entry.name}`));
      const found = [...calls, ...violations, ...mutations, ...loads];
      calls.length = violations.length = mutations.length = loads.length = 0;
      return found;
    },
    uninstall() {
      observer.disconnect();
      resources.disconnect();
      Element.prototype.attachShadow = attachShadow;
    },
  };
}
