import { dataUrlBase64, readPercent } from './invoiceLabels';

/**
 * Reads a file as the contract carries it (base64), telling `onProgress` how far it is (0–100):
 * a 20 MB sheet takes a moment in the browser, and the clerk sees it move. `abort()` stops it.
 */
export function readAsBase64(file: Blob, onProgress: (percent: number) => void): { done: Promise<string>; abort: () => void } {
  const reader = new FileReader();
  const done = new Promise<string>((resolve, reject) => {
    reader.onprogress = (event) => onProgress(readPercent(event.loaded, event.lengthComputable ? event.total : file.size));
    reader.onload = () => {
      onProgress(100);
      resolve(dataUrlBase64(String(reader.result ?? '')));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onabort = () => reject(new Error('aborted'));
  });
  reader.readAsDataURL(file);
  return { done, abort: () => reader.abort() };
}
