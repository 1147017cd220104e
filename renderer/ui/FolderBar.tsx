import { useAppStatus, useServices } from './app-context';
import { useThrottled } from './use-throttled';

const CONNECTION_LOST = {
  reconnecting: 'Disconnected from Paperdrop; reconnecting…',
  refused: 'This link no longer opens Paperdrop: web mode was given a new one. Open the link it printed in its terminal.',
};

const PENDING_INTERVAL_MS = 500;

/** The watched folder, a way to change it where there is a picker, and what main is still reading. */
export function FolderBar() {
  const { bridge } = useServices();
  const { folder, pending: pendingNow, connection, notice } = useAppStatus();
  // Counted down once a file while a folder comes in: drawn, and announced, a few times a second.
  const pending = useThrottled(pendingNow, PENDING_INTERVAL_MS);
  return (
    <div className="folder-bar">
      <span className="folder-path" title={folder?.folder}>
        Watching <code>{folder?.folder ?? '…'}</code>
      </span>
      {folder?.canChooseFolder && (
        <button type="button" onClick={() => void bridge.invoke('chooseFolder')}>
          Change folder…
        </button>
      )}
      <span role="status" className="ingest-status">
        {connection === 'connected'
          ? (notice ?? (pending > 0 ? `Reading ${pending} file${pending === 1 ? '' : 's'}…` : ''))
          : CONNECTION_LOST[connection]}
      </span>
    </div>
  );
}
