import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageAnalysis } from '../../analysis/types';
import { isRestrictedUrl, pageClient, targetTab } from '../client';
import { describeError } from '../components/common/errors';

export type PageState =
  | { kind: 'loading' }
  /** No tab, a browser page, or a page where the content script does not run. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'error'; tabId: number; message: string }
  | { kind: 'ready'; tabId: number; analysis: PageAnalysis };

const CANT_READ = "Gleaner can't read this page.";

/** The current tab's analysis, asked of its content script once per popup opening (and on retry). */
export function usePageAnalysis(): { state: PageState; retry: () => void } {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tab = await targetTab();
      if (!live) return;
      if (!tab) return setState({ kind: 'unreadable', reason: `${CANT_READ} There is no open tab to read.` });
      if (isRestrictedUrl(tab.url))
        return setState({
          kind: 'unreadable',
          reason: `${CANT_READ} Browser pages and extension stores are off limits to extensions.`,
        });
      const reply = await pageClient.analysis(tab.id);
      if (!live) return;
      if (reply.ok) return setState({ kind: 'ready', tabId: tab.id, analysis: reply.value });
      if (!(await pageClient.reachable(tab.id)))
        return live
          ? setState({
              kind: 'unreadable',
              reason: `${CANT_READ} It may be a browser page, a file, an excluded site, or it was open before Gleaner was installed (reload it).`,
            })
          : undefined;
      if (live)
        setState({ kind: 'error', tabId: tab.id, message: describeError(reply.error, 'read this page') });
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt(a => a + 1);
  }, []);
  return { state, retry };
}
