import { describe, expect, it } from 'vitest';
import { minifyCss, minifyCssTemplates } from '../../../scripts/lib/minify-css.mjs';

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
    expect(minifyCss(css)).toBe(':host>.a :hover,b{inline-size:calc(100% - 2px);background:rgb(0 0 0 / 0.5)}@media (max-width:20rem){.c{display:none}}');
  });

  it('rewrites css`…` templates only, with a source map, and leaves interpolated ones alone', () => {
    const code = 'const a = css`\n  p {\n    color: red;\n  }\n`;\nconst b = html`\n  <p>  x  </p>`;\nconst c = css`p { color: ${x}; }`;';
    const out = minifyCssTemplates(code, 'x.ts');
    expect(out?.code).toBe('const a = css`p{color:red}`;\nconst b = html`\n  <p>  x  </p>`;\nconst c = css`p { color: ${x}; }`;');
    expect(out?.map.mappings).not.toBe('');
    expect(minifyCssTemplates('const b = html`<p></p>`;', 'x.ts')).toBeNull();
  });
});
