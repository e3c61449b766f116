import { afterEach, describe, expect, it } from 'vitest';
import { followAnchor } from './follow-anchor.ts';

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

/** A button at (`left`, `top`) of the viewport and a 200×100 fixed popover, inside `container`. */
function setup({ left = 100, top = 100, dir = 'ltr', container = document.body as HTMLElement } = {}) {
  const button = Object.assign(document.createElement('button'), { textContent: 'explain' });
  button.style.cssText = `position: fixed; left: ${left}px; top: ${top}px; inline-size: 80px; block-size: 30px; margin: 0`;
  const popover = document.createElement('div');
  popover.dir = dir;
  popover.style.cssText = 'position: fixed; inline-size: 200px; block-size: 100px; box-sizing: border-box';
  container.append(button, popover);
  return { button, popover };
}

const rect = (element: Element) => element.getBoundingClientRect();
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('followAnchor', () => {
  it('places the popover below the button, 6px apart, at its start edge, before returning', () => {
    const { button, popover } = setup();
    stop = followAnchor(button, popover);
    expect(rect(popover).top).toBe(rect(button).bottom + 6);
    expect(rect(popover).left).toBe(rect(button).left);
  });

  it('lines up with the right edge in right-to-left text', () => {
    const { button, popover } = setup({ left: 300, dir: 'rtl' });
    stop = followAnchor(button, popover);
    expect(rect(popover).right).toBe(rect(button).right);
  });

  it('goes above the button when there is no room below', () => {
    const { button, popover } = setup({ top: innerHeight - 40 });
    stop = followAnchor(button, popover);
    expect(rect(popover).bottom).toBe(rect(button).top - 6);
  });

  it('stays 8px inside the viewport', () => {
    const { button, popover } = setup({ left: document.documentElement.clientWidth - 90 });
    stop = followAnchor(button, popover);
    expect(rect(popover).right).toBe(document.documentElement.clientWidth - 8);
  });

  it('lands in the right place inside a transformed ancestor', () => {
    const shifted = document.createElement('div');
    shifted.style.cssText = 'transform: translate(37px, 23px)';
    document.body.append(shifted);
    const { button, popover } = setup({ container: shifted });
    stop = followAnchor(button, popover);
    expect(rect(popover).top).toBe(rect(button).bottom + 6);
    expect(rect(popover).left).toBe(rect(button).left);
  });

  it('follows the button when a scroll box inside a shadow root scrolls, and stops when told', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const box = document.createElement('div');
    box.style.cssText = 'block-size: 200px; overflow: auto';
    host.attachShadow({ mode: 'open' }).append(box);
    const button = Object.assign(document.createElement('button'), { textContent: 'explain' });
    button.style.cssText = 'display: block; margin-block: 50px 1000px';
    const popover = document.createElement('div');
    popover.style.cssText = 'position: fixed; inline-size: 100px; block-size: 20px';
    box.append(button, popover);
    stop = followAnchor(button, popover);
    box.scrollTop = 30;
    await nextFrame();
    expect(rect(popover).top).toBe(rect(button).bottom + 6);
    stop();
    box.scrollTop = 0;
    await nextFrame();
    expect(rect(popover).top).toBe(rect(button).bottom + 6 - 30);
  });
});
