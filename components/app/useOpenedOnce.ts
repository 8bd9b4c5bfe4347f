// Whether a disclosure has ever been open: its body mounts on the first opening and then stays mounted (hidden when
// closed), so what was typed in it and a save under way survive closing it.
import { useState } from 'react';

export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
