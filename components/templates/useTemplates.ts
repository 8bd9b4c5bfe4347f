// The templates for React trees: the handbook's until storage answers, then the team's (edits and own ones),
// following changes made in the options page without a reload.
import { useEffect, useState } from 'react';
import { DEFAULT_TEMPLATES, type Template } from '@/lib/handbook/templates/templates';
import { loadUserTemplates, templatesFrom, watchUserTemplates } from '@/lib/settings/templates-store';

export function useTemplates(): readonly Template[] {
  const [templates, setTemplates] = useState<readonly Template[]>(DEFAULT_TEMPLATES);
  useEffect(() => {
    let live = true;
    let changed = false;
    const stop = watchUserTemplates((list) => {
      changed = true; // newer than what the first read may still return
      if (live) setTemplates(templatesFrom(list));
    });
    loadUserTemplates().then(
      (list) => {
        if (live && !changed) setTemplates(templatesFrom(list));
      },
      () => undefined, // unreadable storage: the handbook's texts (degrade, never break)
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return templates;
}
