// Where Refinery shows on an issue page, a choice of each user (this browser profile), kept in extension storage:
// by default a compact section in the sidebar, with the full panel (where it sat before: below the
// description) opened on demand and that choice remembered; "panel" keeps the earlier layout, the full panel only.
import { localItem } from '@/lib/settings/local-item';

export interface LayoutPrefs {
  layout: 'sidebar' | 'panel';
  /** With the sidebar layout: the full panel is open too ("Open Refinery"). */
  fullPanel: boolean;
}

export const DEFAULT_LAYOUT: LayoutPrefs = { layout: 'sidebar', fullPanel: false };

export const layoutItem = localItem('layout');

/** Stored data read back leniently: anything unknown keeps the default. */
export function parseLayout(raw: unknown): LayoutPrefs {
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    layout: o.layout === 'panel' ? 'panel' : 'sidebar',
    fullPanel: o.fullPanel === true,
  };
}

/** Never rejects: unreadable storage gives the default. */
export async function loadLayout(): Promise<LayoutPrefs> {
  try {
    return parseLayout(await layoutItem.get());
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** Records part of the choice, keeping the rest (another tab or the options page may have changed it). */
export async function saveLayout(change: Partial<LayoutPrefs>): Promise<void> {
  const current = parseLayout(await layoutItem.get());
  await layoutItem.set({ ...current, ...change });
}
