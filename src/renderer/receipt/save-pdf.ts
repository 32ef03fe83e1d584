/**
 * Hands PDF bytes to the browser as a download: a blob: URL and an `<a download>`. In Electron the
 * main process answers the download with a save dialog (src/main/electron/receipt-downloads.ts).
 */
export function savePdf(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
