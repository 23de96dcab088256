import { describe, expect, it } from 'vitest';
import { minifyCss, minifyTemplates } from '../../../scripts/lib/minify-templates.mjs';

describe('minifyCss (build step)', () => {
  it('drops what CSS ignores and keeps what it does not', () => {
    const css = `
      /* a comment */
      :host  >  .a :hover,
      b {
        inline-size: calc(100% - 2px);
        background: rgb(0 0 0 / 0.5);
      }
      @media (max-width: 20rem) {
        .c { display: none; }
      }
    `;
    expect(minifyCss(css)).toBe(
      ':host>.a :hover,b{inline-size:calc(100% - 2px);background:rgb(0 0 0 / 0.5)}@media (max-width:20rem){.c{display:none}}',
    );
  });
});

describe('minifyTemplates (build step)', () => {
  it('minifies css`…`, folds line breaks in html`…` and interpolated pieces, and leaves everything else alone', () => {
    const code = [
      'const a = css`\n  p {\n    color: red;\n  }\n`;',
      'const b = html`<ul>\n    <li class=${x}>\n      ${y}\n    </li>\n  </ul>`;',
      'const c = css`p { color: ${x}; }\n  a { b: c; }`;',
      'const d = `keep\n   this`; // html`not a template`',
      "const e = 'html`\\n  x`';",
      'const f = gl`\n  void main() {}\n`;',
    ].join('\n');
    const out = minifyTemplates(code, 'x.ts');
    expect(out?.code).toBe(
      [
        'const a = css`p{color:red}`;',
        'const b = html`<ul> <li class=${x}> ${y} </li> </ul>`;',
        'const c = css`p { color: ${x}; } a { b: c; }`;',
        'const d = `keep\n   this`; // html`not a template`',
        "const e = 'html`\\n  x`';",
        'const f = gl`\n  void main() {}\n`;',
      ].join('\n'),
    );
    expect(out?.map.mappings).not.toBe('');
    expect(minifyTemplates('const b = 1;', 'x.ts')).toBeNull();
  });
});
