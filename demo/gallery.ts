// One memory backend for the gallery's three threads, so each look shows the same comments.
import '../src/index.js';
import {createMemoryAdapter} from '../src/adapters/memory/index.js';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const adapter = createMemoryAdapter({
  threads: [
    {
      id: 'gallery',
      title: 'AQIM Updates, August 6',
      comments: [
        {id: 'g1', author: {name: 'Daniel Okafor'}, createdAt: ago(180), text: 'The Mauritanian and Mali militaries are certainly taking their job seriously.'},
        {id: 'g2', parentId: 'g1', author: {name: 'Leila Haddad', isModerator: true}, createdAt: ago(95), text: 'Agreed, though scattering the camps is not the same as defeating them. See https://example.com/sahel for background.'},
        {id: 'g3', author: {name: 'Jonas Weber'}, createdAt: ago(12), text: 'Thanks for collecting these reports in one place.'},
      ],
    },
  ],
  reactions: [],
  latency: 150,
});

for (const thread of document.querySelectorAll('comment-thread')) thread.adapter = adapter;
