// HTML for the public pages, built with a tagged template that escapes every interpolated value
// unless it is already-built HTML. Nothing typed by a visitor reaches a page unescaped.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Control characters other than tab and line breaks are not allowed in HTML: shown as U+FFFD.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(CONTROL, '\uFFFD');

/** Markup that is already escaped: interpolated as is. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/**
 * markup`<p>${text}</p>`: strings and numbers are escaped, Html and arrays of it are not. (Not named
 * `html`, so that the formatter leaves the markup, and the pages' whitespace, as written.)
 */
export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Attributes written in the code itself (never input), such as 'maxlength="40"'. */
export const attrs = (constant: string) => new Html(constant);

// One small inline stylesheet: a single request on slow networks, readable from 320 px up, large
// touch targets, system fonts only.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#1a1a1a;background:#f4f5f7}
header{background:#7a1014;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:.5rem}
header a{color:#fff}
header b{font-size:1.05rem}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
fieldset{border:1px solid #ccd;border-radius:6px;margin:0 0 1rem;padding:.6rem .8rem;background:#fff}
legend{font-weight:600;padding:0 .3rem}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
label.c{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
input,select,textarea{width:100%;font:inherit;padding:.55rem;border:1px solid #889;border-radius:4px;background:#fff}
input[type=checkbox],input[type=radio]{width:auto;margin-top:.25rem}
button{font:inherit;font-weight:600;padding:.7rem 1rem;border:0;border-radius:4px;background:#7a1014;color:#fff;width:100%;margin:.5rem 0}
button.q{background:#fff;color:#7a1014;border:1px solid #7a1014}
.h{font-size:.9rem;color:#555;margin:.15rem 0}
.e{color:#b00020;font-weight:600;margin:.2rem 0}
[aria-invalid=true]{border:2px solid #b00020}
.box{background:#fff;border-left:4px solid #7a1014;padding:.7rem .9rem;margin:0 0 1rem;border-radius:4px}
.ok{border-color:#1b6e2a}
.bad{border-color:#b00020}
.link{word-break:break-all;font-family:monospace;background:#fff;padding:.5rem;border:1px dashed #889}
.sr{position:absolute;left:-9999px}
ul{padding-left:1.2rem}
`.replace(/\n/g, '');

export interface PageOptions {
  lang: 'id' | 'en';
  title: string;
  /** The same page in the other language, or null where a language link would lose the visitor's input. */
  switchHref: string | null;
  switchLabel: string;
  brand: string;
  body: Html;
}

export function page(o: PageOptions): string {
  const other = o.lang === 'id' ? 'en' : 'id';
  const link =
    o.switchHref === null ? '' : markup`<a href="${o.switchHref}" hreflang="${other}">${o.switchLabel}</a>`;
  return `<!doctype html>\n${
    markup`<html lang="${o.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${o.title}</title>
<style>${new Html(STYLE)}</style>
</head><body>
<header><b>${o.brand}</b>${link}</header>
<main>${o.body}</main>
</body></html>`.value
  }`;
}
