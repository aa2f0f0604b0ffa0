import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusChip } from './StatusChip';

describe('StatusChip', () => {
  it.each([
    ['pass', 'Pass'],
    ['fail', 'Fail'],
    ['unknown', 'Unknown'],
    ['exempt', 'Exempt'],
    ['not-applicable', 'Not applicable'],
  ] as const)('labels %s as "%s" with an icon', async (status, label) => {
    await renderInTestApp(<StatusChip status={status} />);

    const chip = screen.getByTestId(`status-${status}`);
    expect(chip).toHaveTextContent(label);
    expect(chip.querySelector('svg')).not.toBeNull();
  });
});
