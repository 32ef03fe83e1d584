/** Which downloads the shell lets through; kept free of Electron so it is tested on its own. */

/**
 * Whether a download is one of ours: a blob: URL made by our own page (a file:// page's blobs have
 * the opaque origin "null"), with a plain file name of a kind we save.
 */
export function isOwnDownload(
  downloadUrl: string,
  fileName: string,
  pageUrl: string,
  isOwn: (url: string) => boolean,
): boolean {
  if (!downloadUrl.startsWith('blob:') || !isOwn(pageUrl)) return false;
  const inner = downloadUrl.slice('blob:'.length);
  const pageOrigin = URL.canParse(pageUrl) ? new URL(pageUrl).origin : 'null';
  const blobOrigin = URL.canParse(inner) ? new URL(inner).origin : 'null';
  if (blobOrigin !== pageOrigin) return false;
  return /^[\w.-]{1,120}\.(pdf|csv)$/.test(fileName) && !fileName.startsWith('.');
}
