import { describe, expect, test } from 'vitest';
import { collapseTemplateWhitespace } from './minify-template-literals.ts';

describe('collapseTemplateWhitespace', () => {
  test('collapses indentation in html and css templates and leaves other strings alone', () => {
    const source = [
      'const styles = css`',
      '  :host {',
      '    display: block; /* why */',
      '  }',
      '`;',
      'const keep = `a',
      '   b`;',
      "const quoted = 'x\\n   y';",
      'const view = html`<p>',
      '    ${items.map((item) => html`<li>',
      '      ${item}</li>`)}',
      '  </p>`;',
    ].join('\n');
    expect(collapseTemplateWhitespace(source)).toBe(
      [
        'const styles = css` :host{display: block;}`;',
        'const keep = `a',
        '   b`;',
        "const quoted = 'x\\n   y';",
        'const view = html`<p> ${items.map((item) => html`<li> ${item}</li>`)} </p>`;',
      ].join('\n'),
    );
  });

  test('is not fooled by regular expressions, comments and braces in code', () => {
    const source = 'const re = /`[}]/g; // `not a template\nif (a) { b = html`<i>\n  x</i>`; }\nconst o = { c: css`a {\n  b: c;\n}` };';
    expect(collapseTemplateWhitespace(source)).toBe('const re = /`[}]/g; // `not a template\nif (a) { b = html`<i> x</i>`; }\nconst o = { c: css`a{b: c;}` };');
  });
});
