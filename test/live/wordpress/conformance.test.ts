// The adapter contract, against a running WordPress 6.1 reached cross-origin (CORS), as a
// static site embedding a WordPress blog's comments would.
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {describeAdapterConformance} from '../../../src/core/conformance.js';
import {liveRig, newVisitor} from './live-rig.js';

describeAdapterConformance(
  'WordPress adapter on a live WordPress',
  async () => {
    localStorage.clear();
    const rig = await liveRig();
    return {
      adapter: createWordPressAdapter({endpoint: rig.url}),
      thread: String(rig.posts.live.id),
      missingThread: '999999',
      // A new visitor each check: WordPress holds a first comment and floods a second within 15 s.
      guest: newVisitor('Conformance'),
    };
  },
  {describe, it},
);
