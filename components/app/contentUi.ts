// The content UI (React, the protocol, every page feature), loaded by the small content script only on pages it
// serves. It is an ES module built with the extension pages (wxt.config.ts), so what a page does not use (closed panel
// sections, list badges on an issue page) stays in chunks loaded on demand. It runs in the content script's isolated
// world and hands its start function over through a symbol-keyed global of that world (lib/content/ui-handle.ts).
import { handOverStartUi } from '@/lib/content/ui-handle';
import { startContent } from './startContent';

handOverStartUi(startContent);
