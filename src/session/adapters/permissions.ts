// What the server lets us do: the token's grants at join (roomAdmin and roomRecord exist only
// there), then LiveKit's participant permission as the server changes it live (updateParticipant →
// ParticipantPermissionsChanged). The only writer of `permissions`.
import { RoomEvent, type Room } from 'livekit-client';
import { permissionsOf, samePermissions, tokenGrants } from '../../core/grants.js';
import type { Grants, PublishSource } from '../../core/permissions.js';
import { domain } from '../domain.js';
import { listen } from '../listen.js';

/** LiveKit's TrackSource enum (protocol numbers) as we name the sources. */
const SOURCES: Readonly<Record<number, PublishSource>> = { 1: 'camera', 2: 'microphone', 3: 'screen', 4: 'screen-audio' };

/** LiveKit's ParticipantPermission as far as we read it (a plain shape: unit tests build it by hand). */
export interface ServerPermission {
  canSubscribe?: boolean;
  canPublish?: boolean;
  canPublishData?: boolean;
  canPublishSources?: readonly number[];
  canUpdateMetadata?: boolean;
  hidden?: boolean;
}

/** The grants now: the server's live permission over the token's, the token's admin and record flags kept. */
export function grantsOf(token: Grants, live: ServerPermission | undefined): Grants {
  if (!live) return token;
  const sources = (live.canPublishSources ?? []).map((n) => SOURCES[n]).filter((s): s is PublishSource => !!s);
  return {
    ...token,
    canSubscribe: live.canSubscribe ?? token.canSubscribe,
    canPublish: live.canPublish ?? token.canPublish,
    canPublishData: live.canPublishData ?? token.canPublishData,
    canPublishSources: sources,
    canUpdateOwnMetadata: live.canUpdateMetadata ?? token.canUpdateOwnMetadata,
    hidden: live.hidden ?? token.hidden,
  };
}

export const permissions = domain({
  name: 'permissions',
  bind(room: Room, { store, credentials }) {
    const granted = tokenGrants(credentials.token);
    const read = () => {
      const next = permissionsOf(grantsOf(granted, room.localParticipant.permissions));
      if (!samePermissions(store.getState().permissions, next)) store.setState({ permissions: next });
    };
    return {
      sync: read,
      dispose: listen(room, {
        [RoomEvent.ParticipantPermissionsChanged]: (_before, participant) => {
          if (participant === room.localParticipant) read();
        },
      }),
    };
  },
});
