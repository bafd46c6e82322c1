// "Fit to width" for the archived copy: the page is laid out at the width it was captured at and scaled down
// to the screen, as a phone browser shows a desktop page, instead of reflowing into a narrow frame or
// scrolling sideways. The copy is cross-origin and script-free, so the scaling is done here, on the frame.
import { h } from './dom.js';
import { t } from './i18n.js';

// The capture's default viewport width (Capture:ViewportWidth, docs/configuration.md).
const captureWidth = 1280;
const storageKey = 'linksnap-fit-width';

export function fittedFrame(frame) {
  const box = h('div', { class: 'frame-box' }, frame);
  let on = localStorage.getItem(storageKey) === 'on';
  const apply = () => {
    const scale = Math.min(1, box.clientWidth / captureWidth);
    const fit = on && scale < 1;
    frame.style.width = fit ? `${captureWidth}px` : '';
    frame.style.height = fit ? `${box.clientHeight / scale}px` : '';
    frame.style.transform = fit ? `scale(${scale})` : '';
    box.classList.toggle('fitted', fit);
  };
  const button = h('button', {
    type: 'button', id: 'fit-width', 'aria-pressed': String(on), title: t('link.fitWidthTitle'),
    onclick: () => {
      on = !on;
      localStorage.setItem(storageKey, on ? 'on' : 'off');
      button.setAttribute('aria-pressed', String(on));
      apply();
    },
  }, t('link.fitWidth'));
  new ResizeObserver(apply).observe(box);
  return [h('div', { class: 'frame-tools' }, button), box];
}
