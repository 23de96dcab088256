// The English catalogue, third part: the chat panel's strings. They travel in the chat panel's chunk
// (components/chat/register.ts adds them to English), loaded when the panel first opens.
export const enChat = {
  'chat.title': 'Chat',
  'chat.close': 'Close chat',
  'chat.empty': 'No messages yet. Messages are seen by everyone in the meeting.',
  'chat.input': 'Message',
  'chat.send': 'Send',
  'chat.tooLong': 'This message is too long: {count} characters, at most {max}.',
  'chat.sending': 'Sending…',
  'chat.failed': 'Not sent.',
  'chat.retry': 'Retry',
  'chat.you': '{name} (you)',
  'chat.earlier': 'Earlier messages',
  'chat.historyLoading': 'Loading earlier messages…',
  'chat.historyUnavailable': 'Earlier messages are not available.',
  'chat.newMessages': 'New messages',
  'chat.edited': '(edited)',
  'chat.deleted': 'This message was deleted.',
  'chat.relayed': 'Not verified: shown by {name}, who was here before you',
} as const;
