// The option and command tables of embed.md, rendered from the schema and the command table; a unit
// test keeps them identical to embed.md. Docs only: never shipped in a bundle.
import { COMMAND_NAMES, type CommandName } from '../core/commands.js';
import { PANELS } from '../core/types.js';
import { OPTIONS, propertyOf, type OptionName, type OptionSpec } from './schema.js';

/** What each option means, and how its default reads when it is not a literal value. Docs only: never shipped. */
const DOCS: Record<OptionName, { meaning: string; defaultText?: string }> = {
  'server-url': { meaning: 'LiveKit server (`wss://…` or `ws://…`)' },
  token: { meaning: 'LiveKit access token' },
  'token-endpoint': { meaning: 'GET `?room=&name=` → `{serverUrl, token}`', defaultText: "deployment's `tokenEndpoint` (iframe)" },
  invite: {
    meaning:
      "an invite signed by the site's backend (`#invite=` in the iframe); POSTed to the token endpoint, which answers with a token for the invite's room, name and role",
  },
  room: { meaning: 'room to join with a token endpoint (1–128 of `A-Z a-z 0-9 _ -`)' },
  name: { meaning: 'display name', defaultText: 'asked in the pre-join' },
  audio: { meaning: 'start with the microphone on' },
  video: { meaning: 'start with the camera on' },
  prejoin: { meaning: 'show the pre-join screen (`auto`: skip when saved preferences exist)' },
  chat: { meaning: 'chat: the panel, its button and its transport (`off`: nothing on `lk.chat` is sent or read)' },
  'chat-history': { meaning: 'a late joiner asks someone already in the room for the last 100 messages, and answers such requests' },
  blur: { meaning: 'background blur at start (applied before the first frame is published; remembered when the user changes it)' },
  screenshare: {
    meaning: 'screen share button shown (also hidden where the permissions policy withholds display-capture or the browser cannot share)',
  },
  reactions: { meaning: 'raise hand and emoji reactions offered (control-bar buttons, `raiseHand()`, `sendReaction()`)' },
  participants: { meaning: "the participants panel and its button (`openPanel('participants')`)" },
  layout: {
    meaning:
      'tile layout: `speaker` puts one tile (a shared screen, else the active speaker) on a stage above a strip; `auto` does so while someone shares a screen',
  },
  'max-tiles': { meaning: 'tiles shown in the grid' },
  shortcuts: { meaning: 'keyboard shortcuts while focus is in the widget: Ctrl/⌘+D microphone, Ctrl/⌘+E camera' },
  theme: { meaning: 'colour scheme' },
  accent: { meaning: 'accent colour (the element also reads `--confab-accent`)', defaultText: 'blue' },
  lang: { meaning: 'UI language', defaultText: 'browser language, then `en`' },
  'assets-base': {
    meaning:
      "where background effects load from: MediaPipe's WASM and model, and the built-in images in `backgrounds/` (the build writes them all to `dist/mediapipe/`)",
    defaultText: 'beside `confab.js` (`mediapipe/`)',
  },
  'background-image': {
    meaning:
      "virtual background image (replaces the background instead of blurring it); only from this origin or `assets-base`; the built-ins are `<assets-base>backgrounds/{dusk,lagoon,studio}.jpg`, and a host's own image is offered in the picker too",
  },
  e2ee: {
    meaning:
      "end-to-end encryption of audio, video, screen share, chat, reactions and history (AES-GCM in a worker, LiveKit's scheme); the key comes from `#e2ee-key=` (fragment), the `e2eeKey` property or `setE2EEKey()`, never from the query; without a key the join is refused (`e2ee-key-missing`)",
  },
  'parent-origin': {
    meaning: "iframe only: the only origin allowed to command it and hear its events; must be in the deployment's `allowedParentOrigins`",
  },
};
const docsOf = (spec: OptionSpec) => DOCS[spec.name as OptionName];

/** An option's meaning in plain words (custom-elements.json, editors' tooltips). */
export const optionMeaning = (name: OptionName): string => DOCS[name].meaning;

const URL_POLICY: Record<OptionSpec['url'], string> = {
  yes: 'yes',
  no: 'no',
  fragment: 'fragment only (`#{name}=`)',
  'allowed-list': "only if in the deployment's `serverUrls`",
};

function values(spec: OptionSpec): string {
  switch (spec.type) {
    case 'switch':
      return '`on` `off`';
    case 'enum':
      return spec.values.map((v) => `\`${v}\``).join(' ');
    case 'int':
      return `${spec.min}–${spec.max}`;
    case 'text':
      return {
        'ws-url': '`ws://…` / `wss://…`',
        'http-url': 'URL or path',
        jwt: 'JWT',
        room: '1–128 of `A-Z a-z 0-9 _ -`',
        name: '1–64 characters',
        color: 'CSS colour',
        lang: 'BCP 47 tag',
        origin: 'origin',
      }[spec.format];
  }
}

function defaultOf(spec: OptionSpec): string {
  const text = docsOf(spec).defaultText;
  if (text) return text;
  if (spec.type === 'switch') return spec.default ? '`on`' : '`off`';
  if (spec.type === 'enum') return `\`${spec.default}\``;
  if (spec.type === 'int') return String(spec.default);
  return '—';
}

export function optionTable(): string {
  const rows = (OPTIONS as readonly OptionSpec[]).map(
    (o) =>
      `| \`${o.name}\` | \`${propertyOf(o)}\` | ${values(o)} | ${defaultOf(o)} | ${URL_POLICY[o.url].replace('{name}', o.name)} | ${docsOf(o).meaning} |`,
  );
  return [
    '| attribute / URL parameter | JS property | values | default | from the iframe URL? | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** How each command reads in embed.md: its arguments, what it resolves with, what it does. */
const COMMAND_DOCS: Record<CommandName, { signature: string; doc: string; resolves?: string }> = {
  join: { signature: '', doc: 'joins with the configured credentials (the pre-join’s choices, or the options)' },
  leave: { signature: '', doc: 'leaves; every local track stops' },
  setMicrophone: { signature: 'on', doc: 'turns the microphone on or off; rejects `device-denied`, `device-not-found`, … when it cannot' },
  setCamera: { signature: 'on', doc: 'turns the camera on or off; rejects like `setMicrophone`' },
  setScreenShare: { signature: 'on', doc: 'starts or stops sharing the screen; rejects `not-connected` outside a call' },
  sendChatMessage: {
    signature: 'text',
    resolves: 'the message `id`',
    doc: 'sends a chat message (queued while reconnecting); rejects `message-too-long` above 4,000 characters, `not-connected` outside a call, `chat-disabled` with chat="off", `send-failed`',
  },
  openPanel: {
    signature: 'panel',
    doc: `opens a panel: ${PANELS.map((p) => `\`${p}\``).join(', ')} (\`chat-disabled\` with chat="off", \`participants-disabled\` with participants="off")`,
  },
  closePanel: { signature: '', doc: 'closes the open panel' },
  setBlur: {
    signature: 'on',
    doc: 'background blur on or off (remembered); rejects `background-unavailable` where it cannot run (the call goes on)',
  },
  setBackgroundImage: {
    signature: 'url | null',
    doc: 'a virtual background from this origin or `assets-base` (`null`: none); rejects `bad-argument` for other origins, `background-unavailable` like `setBlur`',
  },
  raiseHand: {
    signature: 'on',
    doc: 'raises or lowers your hand (participant attribute `handRaisedAt`, as other LiveKit apps read it); rejects `not-connected`, `not-allowed` when the token lacks `canUpdateOwnMetadata`, `reactions-disabled` with reactions="off"',
  },
  sendReaction: {
    signature: 'emoji',
    doc: 'shows an emoji over your tile for everyone for a few seconds (one of 👍 👏 😂 😮 ❤️ 🎉; reliable data on the topic `confab.reaction`); rejects `bad-argument` for others, `reactions-disabled`, `not-connected`, `rate-limited` above 5 in 3 seconds',
  },
  pin: {
    signature: 'identity | null',
    doc: 'puts that participant on the stage (speaker layout) for you alone, `data-pinned` on their tile; `null` unpins; rejects `bad-argument` for someone not in the room',
  },
  setLayout: {
    signature: 'layout',
    doc: '`auto`, `grid` or `speaker`, live (beats the `layout` option until it changes); in `grid` a pinned participant comes first',
  },
  admit: {
    signature: 'identity',
    doc: 'lets someone waiting in the lobby in (`getState().lobby`, `confab-knock`); they join without a second click; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call); `not-waiting` when they left the queue',
  },
  deny: {
    signature: 'identity',
    doc: 'refuses someone waiting in the lobby: they see "A host did not let you in" (`confab-left` `denied`); hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  admitAll: {
    signature: '',
    doc: 'lets everyone waiting in; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  muteParticipant: {
    signature: 'identity, source',
    doc: 'mutes their `microphone`, `camera` or `screen` share (LiveKit mutes the track; they see it off and may turn it on again); hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call); `not-in-room`',
  },
  askToUnmute: {
    signature: 'identity, source',
    doc: 'asks them to turn their `microphone` or `camera` on (LiveKit cannot unmute anyone): they see the request with Turn on / Dismiss; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  removeParticipant: {
    signature: 'identity',
    doc: 'removes them: they see "A host removed you from the meeting" (`confab-left` `kicked`) and cannot come back with the same invite or ticket; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  lowerHand: {
    signature: 'identity',
    doc: "lowers someone's raised hand; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)",
  },
  muteAll: {
    signature: '',
    doc: "mutes every guest's microphone; hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)",
  },
  lockRoom: {
    signature: 'on',
    doc: 'while locked, new guests wait in the lobby (`getState().locked`); hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  endMeeting: {
    signature: '',
    doc: 'ends the meeting for everyone: they see "The host ended the meeting" (`confab-left` `room-closed`); hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  startRecording: {
    signature: '',
    doc: 'starts recording where the server runs LiveKit Egress (`confab.config.json` `recording: true`); rejects `recording-not-configured` (HTTP 501) elsewhere, `encrypted` in an end-to-end encrypted call (Egress cannot decrypt it); hosts only (`not-allowed` for a guest; the Confab server checks the caller again and answers 403 to a forged call)',
  },
  stopRecording: { signature: '', doc: 'stops the recording; as `startRecording`' },
  setE2EEKey: {
    signature: 'key',
    doc: 'sets the end-to-end encryption key (a passphrase, 1–1024 characters; with `e2ee="on"`): before the join, or mid-call to re-key without reconnecting; never stored, logged or sent to the server',
  },
  getState: { signature: '', resolves: 'the snapshot below', doc: 'a plain snapshot of the meeting' },
};

/** How a method of <confab-meeting> reads in the docs (custom-elements.json takes it from here too). */
export const commandDoc = (name: CommandName): { signature: string; doc: string; resolves?: string } => COMMAND_DOCS[name];

/** The methods table of embed.md. */
export function commandTable(): string {
  const rows = COMMAND_NAMES.map((name) => {
    const entry = COMMAND_DOCS[name];
    return `| \`${name}(${entry.signature})\` | ${entry.resolves ?? 'nothing'} | ${entry.doc} |`;
  });
  return ['| method / command | resolves with | what it does |', '|---|---|---|', ...rows].join('\n');
}
