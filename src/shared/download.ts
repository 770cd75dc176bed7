/**
 * Saving a file from an extension page (popup, options) through a Blob and an <a download>: no
 * `downloads` permission, and the browser's own save flow.
 */
import type { ExportFile } from './messages';

export function downloadFile(file: Pick<ExportFile, 'filename' | 'mime' | 'text'>): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chrome; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
