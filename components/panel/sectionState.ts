// Which of the panel's collapsible sections the user keeps open, remembered in extension storage: a section kept
// open is open (and loads its data) on every issue page; a closed one costs no request.
import { localItem } from '@/lib/settings/local-item';

export type OpenSections = Readonly<Record<string, boolean>>;

const item = localItem('panel-sections');

/** Stored data read back leniently: only `id: boolean` entries count, anything else means closed. */
export function parseOpenSections(raw: unknown): OpenSections {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
}

export async function loadOpenSections(): Promise<OpenSections> {
  return parseOpenSections(await item.get());
}

/** Records one section's state, keeping the others' (another tab may have changed them meanwhile). */
export async function saveSectionOpen(id: string, open: boolean): Promise<void> {
  const current = parseOpenSections(await item.get());
  await item.set({ ...current, [id]: open });
}
