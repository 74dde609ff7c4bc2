import { isPlainText } from '../contract';

/**
 * Evidence (bukti dukung) limits, shared so the upload form says the same as the backend.
 * Files are checked by extension and by their first bytes (a renamed .exe is not a PDF).
 */
export const maxEvidenceBytes = 20 * 1024 * 1024;

export const evidenceTypes = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  jpg: { mime: 'image/jpeg', label: 'JPG' },
  jpeg: { mime: 'image/jpeg', label: 'JPG' },
  png: { mime: 'image/png', label: 'PNG' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
} as const;
export type EvidenceExtension = keyof typeof evidenceTypes;

export const evidenceAccept = Object.keys(evidenceTypes)
  .map((e) => `.${e}`)
  .join(',');

/** Why a file name is refused (path parts, control characters, wrong type), or null. */
export function evidenceNameRefusal(name: string): string | null {
  if (!name || name.length > 200) return 'Nama berkas kosong atau terlalu panjang (maksimal 200 karakter).';
  // Control and bidi characters (the contract's plain-text rule): "lap\u202Egnp.pdf" shows as "lapfdp.png".
  if (/[\\/]/.test(name) || !isPlainText(name) || name.includes('..') || name.startsWith('.')) {
    return 'Nama berkas tidak boleh berisi garis miring, "..", karakter kendali atau pembalik arah tulisan, atau diawali titik.';
  }
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (!(ext in evidenceTypes)) return `Jenis berkas .${ext} tidak diterima. Gunakan PDF, JPG, PNG, DOCX atau XLSX.`;
  return null;
}

export function extensionOf(name: string): EvidenceExtension {
  return name.split('.').pop()!.toLowerCase() as EvidenceExtension;
}

/** The file's first bytes must match its extension. */
export function contentMatchesExtension(ext: EvidenceExtension, head: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  switch (ext) {
    case 'pdf':
      return starts(0x25, 0x50, 0x44, 0x46); // %PDF
    case 'jpg':
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'docx':
    case 'xlsx':
      return starts(0x50, 0x4b, 0x03, 0x04); // zip container
  }
}
