// The team's settings for React trees: the handbook's defaults until storage answers, then whatever is stored,
// following later changes (the options page saving) without a reload.
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/handbook/settings';
import { loadSettings, watchSettings } from '@/lib/settings/store';

export function useSettings(): Readonly<Settings> {
  const [settings, setSettings] = useState<Readonly<Settings>>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    let changed = false;
    const stop = watchSettings((next) => {
      changed = true; // a change seen here is newer than what the first read may still return
      if (live) setSettings(next);
    });
    loadSettings().then(
      (loaded) => {
        if (live && !changed) setSettings(loaded);
      },
      () => undefined, // unreadable storage: keep the defaults (degrade, never break)
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
