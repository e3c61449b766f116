import type { Plugin } from 'vite';

/**
 * Collapses the indentation inside `html` and `css` tagged template literals of our own sources.
 * JavaScript minifiers leave template text alone, and in Lit elements that text is mostly the
 * indentation of templates and style sheets: collapsing every whitespace run that holds a line
 * break into one space (and dropping CSS comments) changes nothing the browser renders, because
 * HTML and CSS both treat such runs as one space and none of our templates use `<pre>`.
 */
export function collapseTemplateWhitespace(source: string, options: { compactCss?: boolean } = {}): string {
  let output = '';
  let index = 0;
  // Each entry: the brace depth at which a `${` of an enclosing template was opened.
  const templateStack: Array<{ tag: string; depth: number }> = [];
  let braceDepth = 0;
  let lastSignificant = '';

  const readTemplateText = (tag: string) => {
    // At the start of template text (after "`" or "}"): copy until "`" or "${".
    let text = '';
    while (index < source.length) {
      const char = source[index]!;
      if (char === '\\') {
        text += char + (source[index + 1] ?? '');
        index += 2;
        continue;
      }
      if (char === '`') {
        output += transformText(text, tag, options) + '`';
        index++;
        lastSignificant = '`';
        return;
      }
      if (char === '$' && source[index + 1] === '{') {
        output += transformText(text, tag, options) + '${';
        index += 2;
        templateStack.push({ tag, depth: braceDepth });
        braceDepth++;
        lastSignificant = '{';
        return;
      }
      text += char;
      index++;
    }
    output += transformText(text, tag, options);
  };

  while (index < source.length) {
    const char = source[index]!;
    const next = source[index + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      const stop = end === -1 ? source.length : end;
      output += source.slice(index, stop);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      const stop = end === -1 ? source.length : end + 2;
      output += source.slice(index, stop);
      index = stop;
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < source.length && source[end] !== char) end += source[end] === '\\' ? 2 : 1;
      output += source.slice(index, end + 1);
      index = end + 1;
      lastSignificant = char;
    } else if (char === '/' && (lastSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant) || /\b(return|typeof|case|in|of|void)$/.test(output.trimEnd()))) {
      // A regular expression literal: copy it whole, classes included.
      let end = index + 1;
      let inClass = false;
      while (end < source.length && (inClass || source[end] !== '/')) {
        if (source[end] === '\\') end++;
        else if (source[end] === '[') inClass = true;
        else if (source[end] === ']') inClass = false;
        end++;
      }
      end++;
      while (end < source.length && /[a-z]/i.test(source[end]!)) end++;
      output += source.slice(index, end);
      index = end;
      lastSignificant = '/';
    } else if (char === '`') {
      const tag = /(\w+)\s*$/.exec(output)?.[1] ?? '';
      output += '`';
      index++;
      readTemplateText(tag);
    } else if (char === '{') {
      braceDepth++;
      output += char;
      index++;
      lastSignificant = char;
    } else if (char === '}') {
      braceDepth--;
      const top = templateStack[templateStack.length - 1];
      output += char;
      index++;
      if (top && top.depth === braceDepth) {
        templateStack.pop();
        readTemplateText(top.tag);
      } else {
        lastSignificant = char;
      }
    } else {
      output += char;
      index++;
      if (!/\s/.test(char)) lastSignificant = char;
    }
  }
  return output;
}

function transformText(text: string, tag: string, options: { compactCss?: boolean }): string {
  if (tag === 'css') {
    const collapsed = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ').replace(/\s*([{};,])\s*/g, '$1');
    return options.compactCss ? compactCss(collapsed) : collapsed;
  }
  if (tag === 'html') return text.replace(/\s*\n\s*/g, ' ');
  return text;
}

/**
 * Further shortens collapsed CSS text (a whole style sheet or the piece between two `${}`) in ways
 * that leave every rule meaning the same: no space after a colon or around a child combinator or
 * before `!important`, no semicolon before a closing brace, no leading zero in `0.5`, and no quotes
 * around attribute-selector values that are plain identifiers (`[part='base']` → `[part=base]`).
 * Spaces before a colon stay (`a :hover` differs from `a:hover`), and so do spaces around `+`, `-`,
 * `*` and `/`, which `calc()` and the universal selector need.
 */
export function compactCss(text: string): string {
  return text
    .replace(/:\s+/g, ':')
    .replace(/\s*>\s*/g, '>')
    .replace(/\s+!important/g, '!important')
    .replace(/;}/g, '}')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .replace(/=(['"])(-?[a-zA-Z_][\w-]*)\1\]/g, '=$2]');
}

/** The Vite plugin: applies `collapseTemplateWhitespace` to the elements' own modules. */
export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'terms-gate:minify-template-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: collapseTemplateWhitespace(code, { compactCss: true }), map: null };
    },
  };
}
