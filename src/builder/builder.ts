// The snippet builder, the Confab server's `/`: a form generated from the option schema, the real
// widget live beside it (embed.html with exactly the chosen options), and the four snippets to copy.
// Under the invite policy in development it mints a host and a guest invite link (the server's
// /api/dev/invite, which exists only there); in production the snippets carry a placeholder that the
// site's backend replaces with an invite it signs.
import { html, nothing, render } from 'lit';
import type { OptionSpec } from '../config/schema.js';
import { defaultText, embedUrl, SNIPPET_OPTIONS, SNIPPETS, type Choices, type SnippetKind, type Target } from './snippets.js';

// The builder speaks to site owners and developers: English, kept in one table like the widget's.
const T = {
  title: 'Confab snippet builder',
  intro:
    'Choose a room and the options; the meeting on the right is the real widget with exactly these settings. Copy the snippet for your page.',
  room: 'Room',
  options: 'Options',
  default: 'default',
  preview: 'Live preview',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Select the text and copy it',
  iframe: 'iframe',
  element: 'Element',
  helper: 'Host helper',
  react: 'React',
  invites: 'Invite links (development)',
  hostLink: 'Host link',
  guestLink: 'Guest link',
  placeholder: 'Your backend signs each invite (embed.md, “Invites”); the snippets show where it goes.',
  demo: 'Open the demo',
  badRoom: 'A room is 1–128 letters, digits, “_” or “-”.',
} as const;

const PLACEHOLDER_INVITE = 'INVITE-FROM-YOUR-BACKEND';
const ROOM = /^[A-Za-z0-9_-]{1,128}$/;

interface Invites {
  host: string;
  guest: string;
}

const state = {
  room: new URLSearchParams(location.search).get('builder-room') ?? 'standup',
  options: {} as Record<string, string>,
  kind: 'iframe' as SnippetKind,
  policy: 'open',
  invites: null as Invites | null,
  copied: null as SnippetKind | null,
  copyFailed: false,
  preview: '',
};

const base = location.origin;
const choices = (): Choices => ({ room: state.room, options: state.options });
const target = (invite?: string): Target => (state.policy === 'invite' ? { base, invite: invite ?? PLACEHOLDER_INVITE } : { base });

async function mint(role: 'host' | 'guest'): Promise<string | null> {
  const response = await fetch('/api/dev/invite', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ room: state.room, role }),
  });
  if (!response.ok) return null;
  const body = (await response.json()) as { invite?: unknown };
  return typeof body.invite === 'string' ? body.invite : null;
}

async function refreshInvites(): Promise<void> {
  if (state.policy !== 'invite' || !ROOM.test(state.room)) return;
  const [host, guest] = await Promise.all([mint('host'), mint('guest')]);
  state.invites = host && guest ? { host, guest } : null;
}

function control(spec: OptionSpec) {
  const value = state.options[spec.name] ?? defaultText(spec);
  const set = (next: string) => {
    // Only what differs from the default goes into a snippet.
    state.options = Object.fromEntries(
      Object.entries({ ...state.options, [spec.name]: next }).filter(([k, v]) => k !== spec.name || v !== defaultText(spec)),
    );
    update();
  };
  const id = `option-${spec.name}`;
  const label = html`<label for=${id}><code>${spec.name}</code></label>`;
  switch (spec.type) {
    case 'switch':
    case 'enum': {
      const values = spec.type === 'switch' ? ['on', 'off'] : spec.values;
      return html`${label}
        <select id=${id} data-option=${spec.name} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          ${values.map(
            (v) => html`<option value=${v} ?selected=${v === value}>${v}${v === defaultText(spec) ? ` (${T.default})` : ''}</option>`,
          )}
        </select>`;
    }
    case 'int':
      return html`${label}
        <input
          id=${id}
          data-option=${spec.name}
          type="number"
          min=${spec.min}
          max=${spec.max}
          .value=${value}
          @change=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />`;
    case 'text':
      return html`${label}
        <input
          id=${id}
          data-option=${spec.name}
          type="text"
          placeholder=${spec.format === 'color' ? '#0b57d0' : spec.format === 'lang' ? 'en' : ''}
          .value=${value}
          @change=${(e: Event) => set((e.target as HTMLInputElement).value.trim())}
        />`;
  }
}

async function copy(kind: SnippetKind, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    state.copied = kind;
    state.copyFailed = false;
  } catch {
    state.copyFailed = true;
  }
  draw();
}

function draw(): void {
  const invite = state.invites?.guest;
  const snippetTarget = target(invite);
  const text = SNIPPETS[state.kind](snippetTarget, choices());
  const roomOk = ROOM.test(state.room);
  render(
    html`<header>
        <h1>${T.title}</h1>
        <p>${T.intro}</p>
        <a href=${`/demo.html?room=${encodeURIComponent(state.room)}`}>${T.demo}</a>
      </header>
      <main>
        <form class="options" @submit=${(e: Event) => e.preventDefault()}>
          <label for="option-room">${T.room}</label>
          <input
            id="option-room"
            data-option="room"
            required
            pattern="[A-Za-z0-9_\\-]{1,128}"
            aria-invalid=${roomOk ? 'false' : 'true'}
            aria-describedby="room-problem"
            .value=${state.room}
            @change=${(e: Event) => {
              state.room = (e.target as HTMLInputElement).value.trim();
              void refreshInvites().then(update);
            }}
          />
          <p id="room-problem" class="problem" role="alert">${roomOk ? nothing : T.badRoom}</p>
          <fieldset>
            <legend>${T.options}</legend>
            <div class="grid">${SNIPPET_OPTIONS.map(control)}</div>
          </fieldset>
          ${
            state.policy === 'invite'
              ? html`<section aria-label=${T.invites} data-invites>
                  <h2>${T.invites}</h2>
                  ${
                    state.invites
                      ? html`<p><a data-link="host" href=${embedUrl({ base, invite: state.invites.host }, choices())}>${T.hostLink}</a></p>
                          <p><a data-link="guest" href=${embedUrl({ base, invite: state.invites.guest }, choices())}>${T.guestLink}</a></p>`
                      : html`<p>${T.placeholder}</p>`
                  }
                </section>`
              : nothing
          }
        </form>
        <section class="output">
          <div role="tablist" aria-label="Snippet">
            ${(Object.keys(SNIPPETS) as SnippetKind[]).map(
              (kind) =>
                html`<button
                  type="button"
                  role="tab"
                  data-kind=${kind}
                  aria-selected=${state.kind === kind ? 'true' : 'false'}
                  @click=${() => {
                    state.kind = kind;
                    state.copied = null;
                    draw();
                  }}
                >
                  ${T[kind]}
                </button>`,
            )}
          </div>
          <div role="tabpanel" class="snippet">
            <pre><code data-snippet=${state.kind}>${text}</code></pre>
            <button type="button" data-copy=${state.kind} @click=${() => void copy(state.kind, text)}>
              ${state.copied === state.kind ? T.copied : T.copy}
            </button>
            <span role="status">${state.copyFailed ? T.copyFailed : nothing}</span>
          </div>
          <h2>${T.preview}</h2>
          ${
            roomOk
              ? html`<iframe
                  title=${T.preview}
                  data-preview
                  src=${state.preview}
                  allow="camera; microphone; display-capture; fullscreen; autoplay; picture-in-picture"
                ></iframe>`
              : nothing
          }
        </section>
      </main>`,
    document.body,
  );
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Redraws now; the preview reloads once the choices settle (each reload restarts the camera). */
function update(): void {
  state.copied = null;
  draw();
  clearTimeout(timer);
  timer = setTimeout(() => {
    const next = embedUrl(target(state.invites?.host), choices());
    if (next !== state.preview) {
      state.preview = next;
      draw();
    }
  }, 300);
}

async function main(): Promise<void> {
  const config = (await fetch('/confab.config.json').then((r) => r.json())) as { policy?: unknown };
  state.policy = typeof config.policy === 'string' ? config.policy : 'open';
  await refreshInvites();
  update();
}

void main();
