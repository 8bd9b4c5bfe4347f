// The team's settings (label names, rules on/off) in extension storage; read by the background, content scripts
// and the options page. Stored values are validated field by field: a bad value falls back to the handbook default.
import { storage } from '#imports';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../handbook/settings';

const item = storage.defineItem<unknown>('local:settings', { fallback: null });

export async function loadSettings(): Promise<Settings> {
  const raw = await item.getValue();
  return raw === null ? structuredClone(DEFAULT_SETTINGS) as Settings : parseSettings(raw);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(parseSettings(settings));
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return item.watch((raw) => cb(raw === null ? (structuredClone(DEFAULT_SETTINGS) as Settings) : parseSettings(raw)));
}
