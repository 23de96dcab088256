// Seeded meetings for stories: every state of the widget with no server and no camera.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { SEED } from '../components/meeting/meeting.js';
import { initialState } from '../src/core/store.js';
import type { DeviceError, MeetingState, ParticipantView } from '../src/core/types.js';

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Linus Pauling',
  'Margaret Hamilton',
  'محمد الخوارزمي',
  'Hedy Lamarr',
  '山田 花子',
  'Tim Berners-Lee',
  'Radia Perlman',
  'Donald Knuth',
  'Barbara Liskov',
  'Edsger Dijkstra',
  'Frances Allen',
  'Ken Thompson',
];

export function participants(
  count: number,
  options: {
    cameraOff?: number[];
    speaking?: number[];
    muted?: number[];
    names?: string[];
    sharing?: number[];
    poor?: number[];
    reconnecting?: number[];
    hands?: number[];
  } = {},
): Record<string, ParticipantView> {
  const out: Record<string, ParticipantView> = {};
  for (let i = 0; i < count; i++) {
    const identity = `p${i}`;
    out[identity] = {
      identity,
      name: options.names?.[i] ?? NAMES[i % NAMES.length] ?? `Guest ${i}`,
      local: i === 0,
      microphone: !(options.muted ?? []).includes(i),
      camera: !(options.cameraOff ?? [0, 2, 4, 6, 8, 10, 12, 14]).includes(i),
      cameraTrackSid: null,
      handRaisedAt: (options.hands ?? []).includes(i) ? 1_700_000_000_000 + (options.hands ?? []).indexOf(i) * 1000 : 0,
      screenshare: (options.sharing ?? []).includes(i),
      screenTrackSid: null,
      audioTrackSid: null,
      quality: (options.poor ?? []).includes(i) ? 'poor' : 'excellent',
      reconnecting: (options.reconnecting ?? []).includes(i),
      speaking: (options.speaking ?? []).includes(i),
      joinedAt: i,
    };
  }
  return out;
}

export function connected(people: Record<string, ParticipantView>, extra: Partial<MeetingState> = {}): Partial<MeetingState> {
  const list = Object.values(people);
  return {
    phase: 'connected',
    room: 'story',
    localIdentity: 'p0',
    participants: new Map(
      list.map((p) => [
        p.identity,
        {
          identity: p.identity,
          name: p.name,
          local: p.local,
          joinedAt: p.joinedAt,
          quality: p.quality,
          reconnecting: p.reconnecting,
          handRaisedAt: p.handRaisedAt,
        },
      ]),
    ),
    media: new Map(
      list.map((p) => [
        p.identity,
        {
          microphone: p.microphone,
          camera: p.camera,
          cameraTrackSid: p.cameraTrackSid,
          screenshare: p.screenshare,
          screenTrackSid: p.screenTrackSid,
          audioTrackSid: null,
        },
      ]),
    ),
    activeSpeakers: list.filter((p) => p.speaking).map((p) => p.identity),
    ...extra,
  };
}

export function prejoin(errors: Array<Omit<DeviceError, 'seq'>> = []): Partial<MeetingState> {
  const base = initialState();
  return {
    phase: 'prejoin',
    deviceErrors: errors.map((e, i) => ({ ...e, seq: i + 1 })),
    devices: {
      ...base.devices,
      cameras: [{ id: 'cam1', label: 'Built-in camera' }],
      microphones: [
        { id: 'default', label: 'Default' },
        { id: 'mic1', label: 'USB microphone' },
      ],
      speakers: [{ id: 'default', label: 'Default' }],
      selected: { camera: 'cam1', microphone: 'default', speaker: 'default' },
      canSelectSpeaker: true,
    },
    local: {
      camera: errors.some((e) => e.device === 'camera') ? 'off' : 'live',
      microphone: errors.some((e) => e.device === 'microphone') ? 'off' : 'live',
      level: 0.4,
    },
  };
}

/** The attributes the template below writes itself. */
const TEMPLATE_ATTRIBUTES = new Set(['theme', 'lang', 'name', 'max-tiles', 'layout', 'token', 'server-url']);

/** Renders a <confab-meeting> and seeds it once it exists. */
export function meeting(
  state: Partial<MeetingState>,
  attributes: Record<string, string> = {},
  children: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const seed = (el?: Element) => {
    if (!el) return;
    // Any other option the story names (e.g. background-image) is set as the attribute it is.
    for (const [name, value] of Object.entries(attributes)) if (!TEMPLATE_ATTRIBUTES.has(name)) el.setAttribute(name, value);
    (el as unknown as { [SEED](s: Partial<MeetingState>): void })[SEED](state);
  };
  return html`<confab-meeting
    style="height: 100vh; min-height: 480px"
    theme=${attributes.theme ?? 'light'}
    lang=${attributes.lang ?? 'en'}
    name=${attributes.name ?? 'Ada Lovelace'}
    max-tiles=${attributes['max-tiles'] ?? '16'}
    layout=${attributes.layout ?? 'auto'}
    token=${ifDefined(attributes.token)}
    server-url=${ifDefined(attributes['server-url'])}
    ${ref(seed)}
    >${children}</confab-meeting
  >`;
}
