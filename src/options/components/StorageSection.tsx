/** How much space Gleaner uses, and a button that asks the browser to keep the data under pressure. */
import { useEffect, useState } from 'preact/hooks';
import { optionsClient, type StorageInfo } from '../client';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function StorageSection() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [answer, setAnswer] = useState<string>('');
  useEffect(() => {
    void optionsClient.storage().then(setInfo);
  }, []);
  const keep = async () => {
    const r = await optionsClient.persist();
    if (!r.ok) return setAnswer(`The browser could not be asked (${r.error.message}).`);
    setAnswer(
      r.value
        ? 'Done: the browser will keep Gleaner’s data even when the disk runs low.'
        : 'The browser declined for now. It decides by how you use Gleaner; your data is still stored, and exports are the safe copy.',
    );
    setInfo(i => (i ? { ...i, persisted: r.value } : i));
  };
  return (
    <section aria-labelledby="storage-h">
      <h2 id="storage-h">Storage</h2>
      {info === null ? (
        <p class="muted" role="status">
          Measuring…
        </p>
      ) : (
        <>
          <p>
            {info.usage === null
              ? 'This browser does not say how much space Gleaner uses.'
              : `Gleaner uses ${formatBytes(info.usage)}${info.quota ? ` of the ${formatBytes(info.quota)} available to it` : ''}.`}
          </p>
          <p>
            {info.persisted
              ? 'Your data is kept even when the disk runs low.'
              : 'The browser may clear Gleaner’s data when the disk runs low.'}
          </p>
        </>
      )}
      {!info?.persisted && (
        <button type="button" onClick={() => void keep()}>
          Keep my data
        </button>
      )}
      {answer && <p role="status">{answer}</p>}
    </section>
  );
}
