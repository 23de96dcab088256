// The plain snapshot getState() returns (contract §4).
import { unreadCount } from './chat-state.js';
import { localParticipant, orderedParticipants } from './store.js';
import type { MeetingSnapshot, MeetingState } from './types.js';

export function snapshotOf(s: MeetingState, layout: string): MeetingSnapshot {
  const local = localParticipant(s);
  return {
    state: s.phase,
    room: s.room,
    identity: s.localIdentity,
    participants: orderedParticipants(s).map((p) => ({
      identity: p.identity,
      name: p.name,
      local: p.local,
      microphone: p.microphone,
      camera: p.camera,
      screenshare: p.screenshare,
      speaking: p.speaking,
      handRaised: p.handRaisedAt > 0,
      connectionQuality: p.quality,
    })),
    microphone: local?.microphone ?? s.local.microphone === 'live',
    camera: local?.camera ?? s.local.camera === 'live',
    screenshare: local?.screenshare ?? false,
    blur: s.background.mode === 'blur',
    handRaised: (local?.handRaisedAt ?? 0) > 0,
    layout: s.layout ?? layout,
    pinned: s.pinned,
    panel: s.panel,
    unread: unreadCount(s),
  };
}
