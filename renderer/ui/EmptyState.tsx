import { useState } from 'react';
import { useAppStatus, useServices } from './app-context';

/** Shown before the first paper arrives: where to drop files, and sample feeds to try. */
export function EmptyState() {
  const { bridge } = useServices();
  const { folder } = useAppStatus();
  const [message, setMessage] = useState<string | null>(null);

  const addSamples = async () => {
    try {
      const { copied } = await bridge.invoke('addSamples');
      setMessage(`Copied ${copied.length} sample feeds into the folder. Their papers appear in a moment.`);
    } catch (error) {
      setMessage(`Could not copy the samples: ${(error as Error).message}`);
    }
  };

  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No papers yet</h2>
      <p>
        Paperdrop reads the feed files you drop into your inbox folder
        {folder ? (
          <>
            {' '}
            <code>{folder.folder}</code>
          </>
        ) : null}
        . Save an arXiv or Hugging Face Daily Papers listing there (the papers page saved as text works too), and its papers
        appear here within seconds, searchable offline.
      </p>
      <button type="button" onClick={() => void addSamples()}>
        Add sample feeds
      </button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
