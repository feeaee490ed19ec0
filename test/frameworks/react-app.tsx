// A React 19 app using Colloquy as the README says (see app-contract.ts).
import {useMemo, useState} from 'react';
import {createRoot} from 'react-dom/client';
import '../../src/index.js';
import {NAMED_THREAD, OBJECT_THREAD, objectAdapter, type MountApp} from './app-contract.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'comment-thread': Record<string, unknown>;
      'comment-form': Record<string, unknown>;
    }
  }
}

function App({storageKey}: {storageKey: string}) {
  const [posted, setPosted] = useState(0);
  const [loads, setLoads] = useState(0);
  const adapter = useMemo(objectAdapter, []);
  return (
    <main>
      <p id="posted">{`Posted: ${posted}`}</p>
      <p id="loads">{`Loads: ${loads}`}</p>
      <comment-thread
        id="named"
        adapter="memory"
        thread={NAMED_THREAD}
        storage-key={storageKey}
        max-length="2000"
        oncomment-load={() => setLoads((count) => count + 1)}
      >
        <comment-form oncomment-posted={() => setPosted((count) => count + 1)}></comment-form>
      </comment-thread>
      <comment-thread id="object" thread={OBJECT_THREAD} adapter={adapter}></comment-thread>
    </main>
  );
}

export const mount: MountApp = (container, {storageKey}) => {
  const root = createRoot(container);
  root.render(<App storageKey={storageKey} />);
  return () => root.unmount();
};
