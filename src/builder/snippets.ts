// The snippet builder's output: what a site owner pastes, for each way in (contract §1). Pure, so the
// unit tests and the round-trip E2E test read the same text the page offers for copying.
import { OPTIONS, type OptionSpec } from '../config/schema.js';
import { FRAME_ALLOW } from '../embed/frame.js';

/** What the builder's form chose: the room and every option that differs from its default. */
export interface Choices {
  room: string;
  /** Kebab-case option name → its value as an attribute or URL parameter would carry it. */
  options: Record<string, string>;
}

/** Where the widget is served from, and how people get in. */
export interface Target {
  /** The Confab server's origin (and path), e.g. `https://meet.example.com`. */
  base: string;
  /** Under the invite policy: the invite the snippet carries (a real one in development, else a placeholder). */
  invite?: string;
}

/** The options a snippet may set: the ones a URL may carry too (one schema for the form and the snippets). */
export const SNIPPET_OPTIONS: readonly OptionSpec[] = (OPTIONS as readonly OptionSpec[]).filter(
  (o) => o.url === 'yes' && o.name !== 'room' && o.name !== 'parent-origin',
);

/** The default of an option as a string, as the form shows and compares it. */
export function defaultText(spec: OptionSpec): string {
  if (spec.type === 'switch') return spec.default ? 'on' : 'off';
  if (spec.type === 'text') return '';
  return String(spec.default);
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const js = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const url = (base: string, path: string) => new URL(path, base.endsWith('/') ? base : `${base}/`).href;

function entries(choices: Choices): Array<[string, string]> {
  return [['room', choices.room], ...Object.entries(choices.options)];
}

/** The iframe URL (the preview loads the very same). */
export function embedUrl(target: Target, choices: Choices): string {
  const src = new URL(url(target.base, 'embed.html'));
  for (const [name, value] of entries(choices)) src.searchParams.set(name, value);
  // The invite travels in the fragment: never sent to a server, never in a log or a Referer.
  if (target.invite) src.hash = `invite=${encodeURIComponent(target.invite)}`;
  return src.href;
}

export function iframeSnippet(target: Target, choices: Choices): string {
  return `<iframe
  src="${attr(embedUrl(target, choices))}"
  allow="${FRAME_ALLOW}"
  allowfullscreen
  title="Video meeting"
  style="width: 100%; height: 600px; border: 0"
></iframe>`;
}

export function elementSnippet(target: Target, choices: Choices): string {
  const attributes = [
    ...entries(choices).map(([name, value]) => `${name}="${attr(value)}"`),
    `token-endpoint="${attr(url(target.base, 'api/token'))}"`,
    ...(target.invite ? [`invite="${attr(target.invite)}"`] : []),
  ];
  return `<script type="module" src="${attr(url(target.base, 'confab.js'))}"></script>
<confab-meeting
  ${attributes.join('\n  ')}
  style="display: block; height: 600px"
></confab-meeting>`;
}

function frameOptions(target: Target, choices: Choices, indent: string): string {
  const lines = [
    `url: ${js(url(target.base, 'embed.html'))}`,
    ...entries(choices).map(([name, value]) => `${/^[a-z]+$/i.test(camel(name)) ? camel(name) : js(name)}: ${js(value)}`),
    ...(target.invite ? [`invite: ${js(target.invite)}`] : []),
  ];
  return `{\n${lines.map((l) => `${indent}  ${l},`).join('\n')}\n${indent}}`;
}

export function helperSnippet(target: Target, choices: Choices): string {
  return `<div id="meeting" style="height: 600px"></div>
<script type="module">
  import { createFrame } from ${js(url(target.base, 'confab-frame.js'))};
  const meeting = createFrame(document.getElementById('meeting'), ${frameOptions(target, choices, '  ')});
  meeting.on('confab-left', (detail) => console.log('left the meeting:', detail.reason));
</script>`;
}

export function reactSnippet(target: Target, choices: Choices): string {
  return `// npm install confab — the meeting runs in an iframe served by your Confab server.
import { useEffect, useRef } from 'react';
import { createFrame } from 'confab/frame';

export function Meeting() {
  const box = useRef(null);
  useEffect(() => {
    const meeting = createFrame(box.current, ${frameOptions(target, choices, '    ')});
    return () => meeting.destroy();
  }, []);
  return <div ref={box} style={{ height: 600 }} />;
}
`;
}

export const SNIPPETS = { iframe: iframeSnippet, element: elementSnippet, helper: helperSnippet, react: reactSnippet } as const;
export type SnippetKind = keyof typeof SNIPPETS;
