// The team's settings for React trees: the handbook's defaults until storage answers (or `initial`, settings read
// just before the first render), then whatever is stored, following later changes (the options page saving) without
// a reload.
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, sameData, type Settings } from '@/lib/handbook/settings';
import { loadSettings, watchSettings } from '@/lib/settings/store';

export function useSettings(initial?: Readonly<Settings>): Readonly<Settings> {
  const [settings, setSettings] = useState<Readonly<Settings>>(initial ?? DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    let changed = false;
    const stop = watchSettings((next) => {
      changed = true; // a change seen here is newer than what the first read may still return
      if (live) setSettings(next);
    });
    // Read again once watching: a save between an `initial` read and now is not missed; an unchanged value costs
    // no re-render.
    loadSettings().then(
      (loaded) => {
        if (live && !changed && !sameData(loaded, initial ?? DEFAULT_SETTINGS)) setSettings(loaded);
      },
      () => undefined, // unreadable storage: keep the defaults (degrade, never break)
    );
    return () => {
      live = false;
      stop();
    };
    // `initial` is what the first render used: later values of it are not news.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settings;
}
