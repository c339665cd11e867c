// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkingBanner, markingOnScreen } from './marking-banner';

afterEach(cleanup);

describe('markingOnScreen', () => {
  it('picks the most restrictive marking among map items, list lines and the open detail', () => {
    expect(markingOnScreen({ mapItems: [{ marking: 'TLP:GREEN' }, { marking: 'TLP:AMBER' }], listItems: [{ marking: 'TLP:CLEAR' }], detail: null })).toBe('TLP:AMBER');
    expect(markingOnScreen({ mapItems: [{ marking: 'TLP:GREEN' }], listItems: [{ marking: 'TLP:AMBER+STRICT' }], detail: null })).toBe('TLP:AMBER+STRICT');
    expect(markingOnScreen({ mapItems: [], listItems: [], detail: { marking: 'TLP:RED' } })).toBe('TLP:RED');
  });

  it('is null when nothing marked is on screen', () => {
    expect(markingOnScreen({ mapItems: [], listItems: [], detail: null })).toBeNull();
  });
});

describe('MarkingBanner', () => {
  it('shows the marking in its TLP colour class', () => {
    render(<MarkingBanner marking="TLP:AMBER+STRICT" />);
    const banner = screen.getByTestId('marking-banner');
    expect(banner.textContent).toContain('TLP:AMBER+STRICT');
    expect(banner.textContent).toContain('most restrictive handling marking on screen');
    expect(banner.className).toContain('marking-banner--amber-strict');
    expect(banner.dataset.marking).toBe('TLP:AMBER+STRICT');
  });

  it('says when nothing marked is shown', () => {
    render(<MarkingBanner marking={null} />);
    const banner = screen.getByTestId('marking-banner');
    expect(banner.textContent).toContain('nothing marked on screen');
    expect(banner.dataset.marking).toBe('');
  });

  it('uses the red style for TLP:RED', () => {
    render(<MarkingBanner marking="TLP:RED" />);
    expect(screen.getByTestId('marking-banner').className).toContain('marking-banner--red');
  });
});
