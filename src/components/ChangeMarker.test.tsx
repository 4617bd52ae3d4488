import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { atAddress } from '../../tests/render';
import { ChangeMarker } from './ChangeMarker';

const figure = (change: number, printed: string) => (
  <p>
    <ChangeMarker change={change} />
    {printed}
  </p>
);

describe('ChangeMarker', () => {
  it('marks a fall as plainly as a rise, in a glyph for the eye and a word for a screen reader', () => {
    const { container } = render(
      <>
        {figure(41, '+41%')}
        {figure(-5.4, '−5.4%')}
        {figure(0, '0%')}
      </>,
      { wrapper: atAddress('/') },
    );
    const [up, down, flat] = [...container.querySelectorAll('p')];
    expect(up).toHaveTextContent('▲上升+41%');
    expect(down).toHaveTextContent('▼下降−5.4%');
    expect(flat).toHaveTextContent('=持平0%');
    expect(screen.getByText('▼')).toHaveAttribute('aria-hidden', 'true');
  });

  it('speaks English in English', () => {
    render(figure(-5.4, '−5.4%'), { wrapper: atAddress('/?lang=en') });
    expect(screen.getByText('down')).toBeInTheDocument();
  });
});
