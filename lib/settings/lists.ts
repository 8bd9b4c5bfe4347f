// Settings of the lists feature, kept apart from the handbook settings: whether healthy issues get a quiet weight chip,
// and the team for capacity (usernames with their availability in percent). Bad stored values fall back field by field.
import { storage } from '#imports';
import * as z from '@/lib/zod';

export const teamMember = z.deferred(() =>
  z.object({
    username: z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(255), z.regex(/^[^\s,]+$/, 'A username has no spaces or commas')),
    /** Work days available ÷ work days in the milestone × 100 (handbook "Team availability"). */
    availability: z.number().check(z.int(), z.gte(0), z.lte(100)),
  }),
);
export type TeamMember = z.infer<typeof teamMember>;

export const listSettingsSchema = z.deferred(() =>
  z.object({
    quietChip: z.boolean(),
    /** Your own availability when you are not in the team list. */
    myAvailability: z.number().check(z.int(), z.gte(0), z.lte(100)),
    team: z.array(teamMember).check(z.maxLength(20)),
  }),
);
export type ListSettings = z.infer<typeof listSettingsSchema>;

export const DEFAULT_LIST_SETTINGS: Readonly<ListSettings> = Object.freeze({
  quietChip: false,
  myAvailability: 100,
  team: [],
});

export function parseListSettings(raw: unknown): ListSettings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const field = <K extends keyof ListSettings>(key: K): ListSettings[K] => {
    const parsed = listSettingsSchema.shape[key].safeParse(obj[key]);
    return (parsed.success ? parsed.data : structuredClone(DEFAULT_LIST_SETTINGS[key])) as ListSettings[K];
  };
  return { quietChip: field('quietChip'), myAvailability: field('myAvailability'), team: field('team') };
}

/** The availability to plan with for a username: the team list's, else yours when it is you, else 100%. */
export function availabilityOf(settings: ListSettings, username: string, me: boolean): number {
  const member = settings.team.find((m) => m.username.toLowerCase() === username.toLowerCase());
  return member?.availability ?? (me ? settings.myAvailability : 100);
}

const item = storage.defineItem<unknown>('local:lists', { fallback: null });

export async function loadListSettings(): Promise<ListSettings> {
  return parseListSettings(await item.getValue());
}

export async function saveListSettings(settings: ListSettings): Promise<void> {
  await item.setValue(listSettingsSchema.parse(settings));
}

export function watchListSettings(cb: (settings: ListSettings) => void): () => void {
  return item.watch((raw) => cb(parseListSettings(raw)));
}
