// The team's settings (label names, rules on/off) in extension storage; read by the background, content scripts
// and the options page. Stored values are validated field by field: a bad value falls back to the handbook default.
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../handbook/settings';
import { localItem } from './local-item';

const item = localItem('settings');

export async function loadSettings(): Promise<Settings> {
  const raw = await item.get();
  return raw === null ? structuredClone(DEFAULT_SETTINGS) as Settings : parseSettings(raw);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.set(parseSettings(settings));
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return item.watch((raw) => cb(raw === null ? (structuredClone(DEFAULT_SETTINGS) as Settings) : parseSettings(raw)));
}
