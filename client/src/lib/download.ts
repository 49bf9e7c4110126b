/** Saves what `href` points to (a URL or an object URL) under `fileName`, as a click on a link would. */
export function downloadHref(href: string, fileName = '') {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves a Blob made in the browser (a PNG or PDF of the map). */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  downloadHref(url, fileName);
  // the browser reads the object URL after the click; let it go once the save has started
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
