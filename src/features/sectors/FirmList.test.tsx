import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NamedFirm } from '../../api/sectors';
import { atAddress } from '../../../tests/render';
import { FirmList } from './FirmList';

const firms: NamedFirm[] = [
  {
    name: '神驰机电',
    nameEn: 'Senci Electric Machinery',
    note: { 'zh-CN': '装备产业优质企业', en: 'Leading equipment maker' },
    provenance: { kind: 'reported', source: 'L40' },
  },
  {
    name: '广仁能源',
    note: { 'zh-CN': '装备产业优质企业', en: 'Leading equipment maker' },
    provenance: { kind: 'reported', source: 'L40' },
  },
];

const item = (text: string) => screen.getByText(text).closest('li');

describe('FirmList', () => {
  it('in English shows a firm’s English name with its Chinese name beside it, marked as Chinese', () => {
    render(<FirmList firms={firms} />, { wrapper: atAddress('/?lang=en') });
    expect(item('Senci Electric Machinery')).toHaveTextContent(
      /^Senci Electric Machinery 神驰机电Leading equipment maker/,
    );
    expect(screen.getByText('神驰机电')).toHaveAttribute('lang', 'zh-CN');
    // No English name given: the Chinese alone, still marked as Chinese for a screen reader.
    expect(screen.getByText('广仁能源')).toHaveAttribute('lang', 'zh-CN');
  });

  it('in Chinese shows the Chinese name only', () => {
    render(<FirmList firms={firms} />, { wrapper: atAddress('/') });
    expect(screen.getByText('神驰机电')).not.toHaveAttribute('lang');
    expect(screen.queryByText(/Senci/)).toBeNull();
  });
});
