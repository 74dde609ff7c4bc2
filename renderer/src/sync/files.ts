import { saveBlob } from '../api/download';

/** Reads a picked file as base64 (USB bundles travel inside their command). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves base64 bytes under a name (the browser's download; the desktop app shows its save dialog). */
export function saveBase64(fileName: string, contentBase64: string): void {
  const bin = atob(contentBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: 'application/octet-stream' }), fileName);
}
