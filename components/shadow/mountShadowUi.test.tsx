// @vitest-environment happy-dom
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountShadowUi, type MountedShadowUi } from './mountShadowUi';

// Tells React that updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: MountedShadowUi[] = [];
afterEach(() => {
  act(() => mounted.forEach((m) => m.unmount()));
  mounted = [];
  document.body.innerHTML = '';
});

function setup(over: Partial<Parameters<typeof mountShadowUi>[0]> = {}) {
  const anchor = document.createElement('section');
  anchor.id = 'anchor';
  anchor.innerHTML = '<p id="inside">host content</p>';
  document.body.append(anchor);
  let ui!: MountedShadowUi;
  act(() => {
    ui = mountShadowUi({
      feature: 'panel',
      anchor,
      position: 'append',
      theme: 'light',
      styles: '.x { color: red; }',
      children: <p>Hello from Refinery</p>,
      ...over,
    });
  });
  mounted.push(ui);
  return { ui, anchor, shadow: ui.host.shadowRoot as ShadowRoot };
}

describe('mountShadowUi', () => {
  it('renders the children into an open shadow root on a named host', () => {
    const { ui, shadow } = setup();
    expect(ui.host.tagName).toBe('DIV');
    expect(ui.host.dataset.refinery).toBe('panel');
    expect(shadow).not.toBeNull();
    expect(shadow.textContent).toContain('Hello from Refinery');
    // The page's own DOM queries cannot reach our text.
    expect(document.body.querySelector('p:not(#inside)')).toBeNull();
  });

  it('injects the feature styles after the theme tokens', () => {
    const { shadow } = setup();
    const css = shadow.querySelector('style')?.textContent ?? '';
    expect(css).toContain('.x { color: red; }');
    expect(css).toContain('var(--gl-text-color-default, var(--fgColor-default');
    expect(css.indexOf('--r-fg:')).toBeLessThan(css.indexOf('.x { color: red; }'));
  });

  it.each([
    ['before', (a: Element, h: Element) => a.previousElementSibling === h],
    ['after', (a: Element, h: Element) => a.nextElementSibling === h],
    ['prepend', (a: Element, h: Element) => a.firstElementChild === h],
    ['append', (a: Element, h: Element) => a.lastElementChild === h],
  ] as const)('places the host %s the anchor', (position, check) => {
    const { ui, anchor } = setup({ position });
    expect(check(anchor, ui.host)).toBe(true);
  });

  it('switches the theme on the host', () => {
    const { ui } = setup({ theme: 'dark' });
    expect(ui.host.dataset.theme).toBe('dark');
    ui.setTheme('light');
    expect(ui.host.dataset.theme).toBe('light');
  });

  it('unmount removes the host and runs React cleanups', () => {
    const cleanup = vi.fn();
    function WithEffect() {
      useEffect(() => cleanup, []);
      return <p>effect</p>;
    }
    const { ui } = setup({ children: <WithEffect /> });
    expect(document.querySelector('[data-refinery="panel"]')).not.toBeNull();
    act(() => ui.unmount());
    expect(document.querySelector('[data-refinery="panel"]')).toBeNull();
    expect(cleanup).toHaveBeenCalledTimes(1);
    act(() => ui.unmount()); // twice is harmless
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('keeps typing in its fields away from the page keyboard shortcuts, but not other keys', () => {
    const pageShortcut = vi.fn();
    document.addEventListener('keydown', pageShortcut);
    const { shadow } = setup({ children: <input aria-label="Note" /> });
    const input = shadow.querySelector('input') as HTMLInputElement;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true, composed: true }));
    expect(pageShortcut).not.toHaveBeenCalled();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    expect(pageShortcut).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageShortcut);
  });

  it('keeps React state inside the shadow root interactive', () => {
    function Counter() {
      const [n, setN] = useState(0);
      return <button onClick={() => setN(n + 1)}>Clicked {n}</button>;
    }
    const { shadow } = setup({ children: <Counter /> });
    const button = shadow.querySelector('button') as HTMLButtonElement;
    act(() => button.click());
    expect(button.textContent).toBe('Clicked 1');
  });
});

describe('mountShadowUi docked', () => {
  it('marks the host docked and lets the user collapse and reopen it without losing input', () => {
    const { ui, shadow } = setup({ docked: true, children: <input aria-label="Draft" /> });
    expect(ui.host.hasAttribute('data-docked')).toBe(true);
    expect(shadow.querySelector('style')?.textContent).toContain(':host([data-docked])');
    const toggle = shadow.querySelector('button[aria-expanded]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const input = shadow.querySelector('input') as HTMLInputElement;
    input.value = 'typed text';
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Show Refinery');
    expect((shadow.querySelector('.refinery-dock-body') as HTMLElement).hidden).toBe(true);
    act(() => toggle.click());
    expect((shadow.querySelector('input') as HTMLInputElement).value).toBe('typed text');
  });

  it('is inline (not docked) by default', () => {
    const { ui, shadow } = setup();
    expect(ui.host.hasAttribute('data-docked')).toBe(false);
    expect(shadow.querySelector('button[aria-expanded]')).toBeNull();
  });
});

describe('forged input (a page script reaching into our open shadow root)', () => {
  it("never reaches our controls: el.click(), dispatchEvent and requestSubmit from the page do nothing; the user's input does", async () => {
    const { mountShadowUi } = await import('./mountShadowUi');
    const { useState } = await import('react');
    const writes: string[] = [];
    function Controls() {
      const [weight, setWeight] = useState('3');
      return (
        <form onSubmit={(e) => (e.preventDefault(), writes.push('submit'))}>
          {['1', '3'].map((w) => (
            <input key={w} type="radio" name="w" aria-label={w} checked={weight === w} onChange={() => (setWeight(w), writes.push(`weight ${w}`))} />
          ))}
          <button type="submit">Post</button>
        </form>
      );
    }
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const ui = mountShadowUi({ feature: 'weight', anchor, position: 'after', theme: 'light', styles: '', children: <Controls /> });
    await new Promise((r) => setTimeout(r, 0));
    const root = ui.host.shadowRoot!;
    const one = root.querySelector<HTMLInputElement>('input[aria-label="1"]')!;
    const forge = <T extends Event>(e: T): T => Object.defineProperty(e, 'isTrusted', { value: false });

    one.dispatchEvent(forge(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
    root.querySelector('form')!.dispatchEvent(forge(new Event('submit', { bubbles: true, cancelable: true })));
    one.dispatchEvent(forge(new Event('change', { bubbles: true })));
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual([]);
    expect(one.checked).toBe(false);

    one.click(); // as the browser's own input (trusted in this environment)
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual(['weight 1']);
    ui.unmount();
  });
});
