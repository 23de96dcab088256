// The demo page: `/?room=&name=` opens that room; the widget asks for a name when none is given.
const params = new URLSearchParams(location.search);
const form = document.getElementById('room-form');
const stage = document.getElementById('stage');
const room = params.get('room') || 'lobby';
form.room.value = room;
form.name.value = params.get('name') ?? '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = new URLSearchParams({ room: form.room.value });
  if (form.name.value.trim()) next.set('name', form.name.value.trim());
  location.search = next.toString();
});

const meeting = document.createElement('confab-meeting');
meeting.setAttribute('token-endpoint', '/api/token');
meeting.setAttribute('room', room);
for (const key of [
  'name',
  'audio',
  'video',
  'prejoin',
  'theme',
  'lang',
  'accent',
  'max-tiles',
  'layout',
  'shortcuts',
  'screenshare',
  'chat',
  'chat-history',
  'blur',
  'background-image',
  'e2ee',
]) {
  const value = params.get(key);
  if (value !== null) meeting.setAttribute(key, value);
}
// An encryption key comes after # (never the query, so no server sees it) and leaves the address bar at once.
const key = new URLSearchParams(location.hash.slice(1)).get('e2ee-key');
if (key) {
  history.replaceState(null, '', location.pathname + location.search);
  meeting.e2eeKey = key;
}
stage.append(meeting);
for (const name of [
  'confab-ready',
  'confab-joined',
  'confab-left',
  'confab-error',
  'confab-device-error',
  'confab-participant-joined',
  'confab-participant-left',
]) {
  meeting.addEventListener(name, (e) => console.info(`[demo] ${name}`, e.detail));
}
