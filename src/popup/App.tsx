import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { Composer } from './Composer';
import { visibleTo } from '../shared/outboxVisibility';
import { listed } from './entries';
import { RecentList } from './RecentList';
import { SignedOut } from './SignedOut';
import { usePopupData } from './usePopupData';
import { Alert } from '../ui/Alert';

export function App() {
  const { data, ...act } = usePopupData();
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => box.current?.focus(), []);
  // A layout effect runs as soon as the DOM holds the list, before the frame is painted; a plain
  // effect would wait a frame more.
  useLayoutEffect(() => {
    if (!data.loaded) return;
    box.current?.focus();
    // What the benchmark waits for: the box focused and the cached list in the page.
    performance.mark('journal:ready');
  }, [data.loaded]);

  const queued = visibleTo(data.outbox, data.account?.sub ?? null);
  const entries = data.signedOut ? [] : listed(data.first, data.older, queued);
  const placeholder = !data.loaded || (data.refreshing && entries.length === 0 && !data.signedOut);

  return (
    <main>
      {data.signedOut && <SignedOut />}
      <Composer draft={data.draft} box={box} onCreated={act.created} />
      <Alert message={data.error} />
      <h2 class="heading">Recent</h2>
      <RecentList
        entries={entries}
        queued={queued}
        placeholder={placeholder}
        empty={data.signedOut ? null : 'No entries yet — write your first one above.'}
        now={Date.now()}
        onUpdated={act.updated}
        onDeleted={act.deleted}
        onOutbox={act.setOutbox}
      />
      {!data.signedOut && data.nextToken && entries.length > 0 && (
        <button type="button" class="more" onClick={() => void act.loadMore()}>
          Load more
        </button>
      )}
    </main>
  );
}
