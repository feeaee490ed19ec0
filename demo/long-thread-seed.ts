import type {SeedComment} from '../src/adapters/memory/index.js';

// A long, deep conversation, generated from a fixed seed so every visit shows the same
// thread; only the dates move, so that the latest comment is always a few minutes old.

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const names = [
  'Amadou Diallo', 'Leila Haddad', 'Jonas Weber', 'Mariam Traoré', 'Sophie Laurent', 'Yusuf Kane',
  'Elena Petrova', 'Omar Benali', 'Grace Mensah', 'Tomás Ruiz', 'Fatou Sow', 'Henrik Olsen',
  'Aïcha Maïga', 'Priya Raman', 'Samuel Osei', 'Nadia Cherif', 'Lucas Moreau', 'Ingrid Berg',
];
const openings = [
  'Good summary.', 'I am not so sure.', 'This matches what I heard from colleagues in Bamako.',
  'Interesting point.', 'Fair enough.', 'That is the key question.', 'Thanks for posting this.',
  'I would push back a little here.', 'Agreed.', 'Hard to say from here.',
];
const bodies = [
  'The offensive may have scattered the camps, but scattering is not the same as defeat.',
  'Weekly markets have always been where news and ideas travel in the Sahel.',
  'Mauritania has invested heavily in mobile units since 2008, and it shows.',
  'Mali’s government has far fewer resources to hold the north than its neighbours.',
  'Casualty figures from both sides should be read with care until they are confirmed.',
  'The question is whether civilian programmes will get the same funding as the military ones.',
  'Cross-border cooperation has rarely lasted beyond a single campaign.',
  'There is a good overview of the regional context at https://example.org/sahel-overview.',
  'Trevidic’s assessment is probably right for now, but capabilities change quickly.',
  'Smuggling networks matter more to the group’s finances than most reports admit.',
];
const closings = ['', '', '', 'We will see.', 'Time will tell.', 'Curious what others think.'];

/** The long thread's comments, the same on every call. */
export function longThreadComments(): SeedComment[] {
  const next = random(20120806);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let time = 0;
  const comments: SeedComment[] = [];
  const author = (name: string) => {
    const index = names.indexOf(name);
    return {
      name,
      ...(index % 5 === 0 ? {avatarUrl: new URL(`avatars/avatar-${(index % 3) + 1}.svg`, import.meta.url).href} : {}),
      // A broken picture, to show the initials that replace it.
      ...(index === 7 ? {avatarUrl: new URL('avatars/missing.png', import.meta.url).href} : {}),
      ...(index % 4 === 1 ? {profileUrl: `https://example.com/people/${index}`} : {}),
    };
  };
  const text = () => [pick(openings), pick(bodies), pick(closings)].filter(Boolean).join(' ');

  const addReplies = (parentId: string, depth: number) => {
    const count = depth >= 7 ? 0 : Math.floor(next() * (depth < 3 ? 3 : 2.2));
    for (let index = 0; index < count; index++) {
      time += Math.floor(next() * 3 * 3600_000) + 60_000;
      const id = `${parentId}.${index + 1}`;
      comments.push({id, parentId, author: author(pick(names)), createdAt: new Date(time).toISOString(), text: text()});
      addReplies(id, depth + 1);
    }
  };

  for (let index = 1; comments.length < 320; index++) {
    time += Math.floor(next() * 10 * 3600_000) + 600_000;
    const id = `c${index}`;
    comments.push({id, author: author(pick(names)), createdAt: new Date(time).toISOString(), text: text()});
    addReplies(id, 2);
  }

  // One very deep chain, past the thread's max-depth of 5, to show where replies flatten.
  let parentId = 'c2';
  for (let depth = 2; depth <= 8; depth++) {
    time += 900_000;
    const id = `deep-${depth}`;
    const name = names[depth % names.length]!;
    comments.push({id, parentId, author: author(name), createdAt: new Date(time).toISOString(), text: `Level ${depth} of a long back-and-forth. ${pick(bodies)}`});
    parentId = id;
  }
  // A deleted comment whose replies stay, and a comment as HTML (sanitized when shown).
  comments.push({id: 'gone', author: {name: 'Removed'}, createdAt: new Date(time += 600_000).toISOString(), status: 'deleted'});
  comments.push({id: 'gone.1', parentId: 'gone', author: author('Ingrid Berg'), createdAt: new Date(time += 600_000).toISOString(), text: 'Replying to a comment that was removed later.'});
  comments.push({
    id: 'html',
    author: author('Henrik Olsen'),
    createdAt: new Date(time += 600_000).toISOString(),
    html: '<p>Imported from WordPress, with <em>emphasis</em>, <a href="https://example.com/report">a link</a> and a quote:</p><blockquote>Capabilities change quickly.</blockquote><img src="x" onerror="alert(1)" alt="">',
  });
  const shift = Date.now() - 7 * 60_000 - time;
  return comments
    .map((comment, index) => ({
      ...comment,
      createdAt: new Date(Date.parse(comment.createdAt) + shift).toISOString(),
      // Likes spread unevenly, so that "Top" has something to rank.
      ...(index % 3 === 0 ? {reactions: {like: (index * 7) % 23}} : {}),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
