/** Hands the browser a file to save, as a download link would, from bytes the page holds. */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
