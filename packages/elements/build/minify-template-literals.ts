import type { Plugin } from 'vite';

/**
 * Collapses the indentation inside `html` and `css` tagged template literals of our own sources.
 * JavaScript minifiers leave template text alone, and in Lit elements that text is mostly the
 * indentation of templates and style sheets: collapsing every whitespace run that holds a line
 * break into one space (and dropping CSS comments) changes nothing the browser renders, because
 * HTML and CSS both treat such runs as one space and none of our templates use `<pre>`.
 */
export function collapseTemplateWhitespace(source: string): string {
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
        output += transformText(text, tag) + '`';
        index++;
        lastSignificant = '`';
        return;
      }
      if (char === '$' && source[index + 1] === '{') {
        output += transformText(text, tag) + '${';
        index += 2;
        templateStack.push({ tag, depth: braceDepth });
        braceDepth++;
        lastSignificant = '{';
        return;
      }
      text += char;
      index++;
    }
    output += transformText(text, tag);
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

function transformText(text: string, tag: string): string {
  if (tag === 'css') return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ').replace(/\s*([{};,])\s*/g, '$1');
  if (tag === 'html') return text.replace(/\s*\n\s*/g, ' ');
  return text;
}

/** The Vite plugin: applies `collapseTemplateWhitespace` to the elements' own modules. */
export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'terms-gate:minify-template-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: collapseTemplateWhitespace(code), map: null };
    },
  };
}
