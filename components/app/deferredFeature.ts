// A page feature whose code is a chunk of the content UI loaded only when a page it serves is shown: recognising the
// page needs only `serves`; what the page says meanwhile (navigation, theme) is passed on once the code is there.
import type { PageRef } from '@/lib/page';
import type { Theme } from '../shadow/mountShadowUi';
import type { FeatureInstance, PageFeature } from './feature';

export function deferredFeature<P extends PageRef>(
  id: string,
  serves: (page: PageRef) => page is P,
  load: () => Promise<PageFeature<P>>,
): PageFeature<P> {
  return {
    id,
    serves,
    start(first, board) {
      let page = first;
      let theme: Theme | null = null;
      let inner: FeatureInstance<P> | null = null;
      let stopped = false;
      load().then(
        (feature) => {
          if (stopped) return;
          inner = feature.start(page, board);
          if (theme) inner.setTheme(theme);
        },
        // Degrade, never break: the page keeps working without this feature (e.g. its chunk went with an update).
        (e: unknown) => console.error(`Refinery: the ${id} feature could not be loaded.`, e),
      );
      return {
        update(next) {
          page = next;
          inner?.update(next);
        },
        onDomChange: () => inner?.onDomChange(),
        setTheme(next) {
          theme = next;
          inner?.setTheme(next);
        },
        stop() {
          stopped = true;
          inner?.stop();
        },
      };
    },
  };
}
