() => {
  // Targets under 44×44 CSS px: every control, and every link that is not a link inside running text.
  // A radio or checkbox counts with its label row (tapping the label chooses it). A link is "inside
  // running text" when its paragraph holds other words; ¶, cites, 修改 and phone links never are.
  const MIN = 43.5;
  const shown = (el) => el.getClientRects().length > 0
    && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const standalone = 'a.headerlink, a.yzt-cite, .yzt-q__cites a, a.yzt-phone, .yzt-summary a, a[href^="tel:"]';
  const inProse = (a) => {
    if (a.matches(standalone)) return false;
    const block = a.closest('p, li, dd, td, th, figcaption, div');
    if (!block) return false;
    const words = (s) => s.replace(/\s+/g, '');
    return words(block.textContent).length > words(a.textContent).length;
  };
  const small = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], ' +
    '[role=combobox], label.md-header__button, [tabindex="0"]';
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el)) continue;
    if (el.tagName === 'A' && inProse(el)) continue;
    let box = el.getBoundingClientRect();
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      const row = el.closest('.yzt-q__option') || (el.id && document.querySelector(`label[for="${el.id}"]`));
      if (!row) continue;    // the theme's hidden toggles: their labels are the controls
      box = row.getBoundingClientRect();
    }
    if (box.width < MIN || box.height < MIN) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.classList.length ? '.' + [...el.classList].join('.') : '');
      small.push(`${name} "${(el.textContent || el.value || '').trim().slice(0, 12)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  // Text: the body size, and any visible text under 14 px (tables and everywhere else in the article).
  const tiny = [];
  const walker = document.createTreeWalker(document.querySelector('.md-main') || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !shown(el)) continue;
    if (el.closest('.yzt-visually-hidden, .md-sidebar, .yzt-print-url')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 14) tiny.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${node.textContent.trim().slice(0, 10)}" ${size}px`);
  }
  const body = parseFloat(getComputedStyle(document.querySelector('.md-typeset') || document.body).fontSize);
  return { small, tiny: [...new Set(tiny)], body,
           scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth };
}
