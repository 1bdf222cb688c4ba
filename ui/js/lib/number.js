// The one line under the number field: what the typed number will dial, or why it will not.

/**
 * @param {null | { ok: boolean, display?: string, countryName?: string, kind?: string,
 *   extension?: string, postDial?: string, contact?: { name: string } | null,
 *   warning?: string, error?: { message: string, hint?: string } }} preview
 * @returns {{ text: string, tone: 'none'|'ok'|'warn'|'error' }}
 */
export function previewLine(preview) {
  if (!preview) return { text: '', tone: 'none' };
  if (!preview.ok) return { text: preview.error?.message ?? 'This is not a phone number.', tone: 'error' };
  const parts = [preview.display];
  if (preview.extension) parts[0] += ` ext. ${preview.extension}`;
  if (preview.countryName) parts.push(preview.countryName);
  if (preview.contact?.name) parts.push(preview.contact.name);
  if (preview.postDial) parts.push(`then dial ${preview.postDial} yourself`);
  if (preview.warning) return { text: `${parts.join(' · ')} — ${preview.warning}`, tone: 'warn' };
  return { text: parts.join(' · '), tone: 'ok' };
}
