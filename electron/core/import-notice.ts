import type { EventChannel, EventMap } from '../../shared/ipc';

/** An import is worth a notification when it brought more papers than this. */
export const NOTICE_MIN_PAPERS = 100;

export interface ImportNoticeOptions {
  isFocused(): boolean;
  notify(title: string, body: string): void;
}

/**
 * Watches the events one renderer session is sent. When a run of batches ends (nothing pending)
 * having brought more than NOTICE_MIN_PAPERS papers, and the window is not focused, it notifies.
 */
export function importNotice(options: ImportNoticeOptions): <K extends EventChannel>(channel: K, payload: EventMap[K]) => void {
  let papers = 0;
  let files = 0;
  return (channel, payload) => {
    if (channel === 'batch') {
      const count = (payload as EventMap['batch']).papers.length;
      papers += count;
      if (count > 0) files += 1;
    } else if (channel === 'status' && (payload as EventMap['status']).pending === 0) {
      if (papers > NOTICE_MIN_PAPERS && !options.isFocused()) options.notify('Import finished', readyText(papers, files));
      papers = 0;
      files = 0;
    }
  };
}

function readyText(papers: number, files: number): string {
  return `${papers} papers from ${files} ${files === 1 ? 'file' : 'files'} are ready`;
}
