/** Showing a PDF fetched by the app (it cannot be a plain link: a POST body, or an error message to show). */

/** Saves `blob` as `fileName` through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A tab opened by the click itself, before the PDF is fetched (popup blockers allow that one only); null when the
 * browser refused it.
 */
export function openBlankTab(): Window | null {
  try {
    return typeof window.open === 'function' ? window.open('', '_blank') : null;
  } catch {
    return null;
  }
}

/** Shows the PDF in `tab` (where the browser's viewer prints it), or downloads it when there is no tab. */
export function showPdf(blob: Blob, fileName: string, tab: Window | null): void {
  if (!tab || tab.closed) {
    downloadBlob(blob, fileName);
    return;
  }
  const url = URL.createObjectURL(blob);
  tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
}
