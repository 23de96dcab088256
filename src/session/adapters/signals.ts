// What the Confab server says into the room (RoomServiceClient.sendData) on its topics, handed to the
// core as it came (src/core/signals.ts reads it, in the moderation chunk). Only packets with no
// participant are the server's: anything a participant sends on these topics is dropped here, so no
// guest can fake a host's request or a knock.
import { RoomEvent, type Room } from 'livekit-client';
import { SERVER_TOPICS, type ServerTopic } from '../../core/session-port.js';
import { domain } from '../domain.js';
import { listen } from '../listen.js';

export const signals = domain({
  name: 'signals',
  bind(room: Room, { serverPacket }) {
    return {
      dispose: listen(room, {
        [RoomEvent.DataReceived]: (payload, participant, _kind, topic) => {
          if (!participant && SERVER_TOPICS.includes(topic as ServerTopic)) serverPacket(topic as ServerTopic, payload);
        },
      }),
    };
  },
});
