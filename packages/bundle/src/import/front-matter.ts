/**
 * Reads the few front-matter fields an importer needs (title, locale, effective date, id) from a
 * YAML block. Only top-level scalar `key: value` lines are read; lists and nested maps are ignored,
 * which is all terms documents use front matter for and keeps a YAML engine out of the package.
 */

/** Top-level scalar fields of a YAML front-matter block, keys lower-cased. */
export function readFrontMatter(yaml: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = unquote(match[2]!.replace(/\s+#.*$/, '').trim());
    if (value && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), value);
  }
  return fields;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
  }
  return value;
}

/** The first of `names` that the front matter sets. */
export function firstField(fields: ReadonlyMap<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = fields.get(name.toLowerCase());
    if (value !== undefined) return value;
  }
  return undefined;
}
