import { useAppStatus, useServices } from './app-context';

/** The watched folder, a way to change it where there is a picker, and what main is still reading. */
export function FolderBar() {
  const { bridge } = useServices();
  const { folder, pending, connected, notice } = useAppStatus();
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
        {!connected
          ? 'Disconnected from Paperdrop; reconnecting…'
          : (notice ?? (pending > 0 ? `Reading ${pending} file${pending === 1 ? '' : 's'}…` : ''))}
      </span>
    </div>
  );
}
