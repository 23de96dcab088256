// The snippet builder's snippets: only what differs from the defaults, values that cannot break out of
// their attribute or string (a name is the user's text), the invite always in a fragment or a property.
import { describe, expect, test } from 'vitest';
import { OPTIONS } from '../../../src/config/schema.js';
import { elementSnippet, embedUrl, helperSnippet, iframeSnippet, reactSnippet, SNIPPET_OPTIONS } from '../../../src/builder/snippets.js';

const target = { base: 'https://meet.example.com' };
const hostile = { room: 'standup', options: { name: '"><script>alert(1)</script>' } };

describe('snippets', () => {
  test('the form offers every option a URL may set, from the one schema', () => {
    const urlOptions = OPTIONS.filter((o) => o.url === 'yes' && o.name !== 'room' && o.name !== 'parent-origin').map((o) => o.name);
    expect(SNIPPET_OPTIONS.map((o) => o.name)).toEqual(urlOptions);
  });

  test('a hostile name stays inside its attribute and its string', () => {
    const element = elementSnippet(target, hostile);
    expect(element.match(/<script/g)).toHaveLength(1);
    expect(element).toContain('name="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    const src = /src="([^"]+)"/.exec(iframeSnippet(target, hostile))![1]!.replaceAll('&amp;', '&');
    expect(new URL(src).searchParams.get('name')).toBe(hostile.options.name);
    const helper = helperSnippet(target, hostile);
    expect(helper.match(/<\/script>/g)).toHaveLength(1);
    expect(reactSnippet(target, hostile)).not.toContain('</script>');
  });

  test('an invite goes in the fragment of the iframe, and never into a query', () => {
    const url = new URL(embedUrl({ ...target, invite: 'a.b.c' }, { room: 'standup', options: {} }));
    expect(url.hash).toBe('#invite=a.b.c');
    expect(url.searchParams.has('invite')).toBe(false);
    expect(helperSnippet({ ...target, invite: 'a.b.c' }, { room: 'standup', options: {} })).toContain('invite: "a.b.c"');
  });
});
