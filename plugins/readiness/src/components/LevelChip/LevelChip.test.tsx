import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelChip } from './LevelChip';

describe('LevelChip', () => {
  it('shows a reached level by name on its colour, with dark text', async () => {
    await renderInTestApp(<LevelChip level="gold" />);

    const chip = screen.getByLabelText('Level: Gold');
    expect(chip).toHaveTextContent('Gold');
    expect(chip).toHaveStyle({
      backgroundColor: '#f7e08b',
      color: '#4d3b00',
    });
  });

  it('shows "No level" when none is reached', async () => {
    await renderInTestApp(<LevelChip level={null} />);

    expect(screen.getByLabelText('Level: none')).toHaveTextContent('No level');
  });

  it('colours levels with other names by their position', async () => {
    await renderInTestApp(
      <LevelChip level="ready" levels={['basic', 'ready']} />,
    );

    expect(screen.getByLabelText('Level: Ready')).toHaveStyle({
      backgroundColor: '#d8f0dd',
    });
  });
});
