import { describe, expect, test } from 'vitest';
import { collapseTemplateWhitespace, compactCss } from './minify-template-literals.ts';

describe('compactCss', () => {
  test('drops optional spaces, semicolons, leading zeros and identifier quotes', () => {
    expect(compactCss(":host([theme='dark']){color: var(--x,#fff);margin: 0.5rem 0 !important;}[part~='badge'] > a{padding: 10.5px}")).toBe(
      ':host([theme=dark]){color:var(--x,#fff);margin:.5rem 0!important}[part~=badge]>a{padding:10.5px}',
    );
  });

  test('keeps what changes meaning: a space before a colon, calc operators, non-identifier values', () => {
    const css = "a :first-child{inline-size:calc(100% - 2rem);gap:calc(var(--s) * 0.75)}[id^='clause 1']{x:y}";
    expect(compactCss(css)).toBe("a :first-child{inline-size:calc(100% - 2rem);gap:calc(var(--s) * .75)}[id^='clause 1']{x:y}");
  });

  test('applies only to css templates, and only when asked', () => {
    const source = 'const a = css`\n  b {\n    c: 0.5em;\n  }\n`; const d = html`<p> e: 0.5 </p>`;';
    expect(collapseTemplateWhitespace(source, { compactCss: true })).toBe('const a = css` b{c:.5em}`; const d = html`<p> e: 0.5 </p>`;');
    expect(collapseTemplateWhitespace(source)).toBe('const a = css` b{c: 0.5em;}`; const d = html`<p> e: 0.5 </p>`;');
  });
});
