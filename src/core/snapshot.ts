// The plain snapshot getState() returns (contract §4).
import { shownMode } from './background-lazy.js';
import { unreadCount } from './chat-state.js';
import { localParticipant, orderedParticipants } from './store.js';
import type { PermissionsView } from './permissions.js';
import type { EncryptionState, EncryptionView, MeetingSnapshot, MeetingState, PermissionDetail } from './types.js';

/** What the server allows, as the host page reads it (contract §3 `confab-permissions`). */
export function permissionDetail(p: PermissionsView): PermissionDetail {
  return {
    role: p.role,
    canPublish: p.canPublish,
    canPublishSources: [...p.canPublishSources],
    canChat: p.canPublishData,
    canModerate: p.canModerate,
    canRecord: p.canRecord,
  };
}

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
    blur: shownMode(s.background) === 'blur',
    handRaised: (local?.handRaisedAt ?? 0) > 0,
    layout: s.layout ?? layout,
    pinned: s.pinned,
    panel: s.panel,
    unread: unreadCount(s),
    role: s.permissions.role,
    lobby: s.lobby.waiting.map(({ identity, name }) => ({ identity, name })),
    locked: s.lobby.locked,
    recording: s.recording,
    encryption: encryptionState(s.encryption),
    permissions: permissionDetail(s.permissions),
  };
}

export function encryptionState({ on, mismatched }: EncryptionView): EncryptionState {
  return !on ? 'off' : mismatched.length ? 'key-mismatch' : 'on';
}
