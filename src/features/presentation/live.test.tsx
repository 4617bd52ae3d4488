import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { metaKeys } from '../../api/meta';
import { sectorColors } from '../../lib/sectorColors';
import { ENDPOINTS, failWith, metaOfDataset } from '../../../tests/fixtures';
import { renderWithData } from '../../../tests/render';
import { useWallData } from './live';
import { WALL_KEY } from './wallStorage';

/** The colours the wall screen gives two sectors, in words. */
function Colours() {
  const { sectorColor } = useWallData({ period: '2023H1', sector: null, refreshMs: 60_000, perSector: false });
  return <p>{`automotive ${sectorColor('automotive', 'dark')}, equipment ${sectorColor('equipment', 'dark')}`}</p>;
}

describe('the wall screen’s data', () => {
  it('colours the sectors from its own saved /meta while the API is down after a reload', async () => {
    const meta = metaOfDataset('report');
    const colour = sectorColors(meta.sectors);
    expect(colour('automotive', 'dark')).not.toBe(colour('equipment', 'dark'));
    renderWithData(<Colours />, '/present', {
      handlers: Object.keys(ENDPOINTS).map((e) => failWith(e as keyof typeof ENDPOINTS, 503)),
      // What the screen restored from its saved answers; the dashboard's own /meta has none.
      seed: (client) => client.setQueryData([WALL_KEY, ...metaKeys.all], meta),
    });
    expect(
      await screen.findByText(`automotive ${colour('automotive', 'dark')}, equipment ${colour('equipment', 'dark')}`),
    ).toBeInTheDocument();
  });
});
