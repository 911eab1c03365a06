import { act, render, screen } from '@testing-library/react-native';
import type { ReactElement } from 'react';
import { AccessibilityInfo, Animated } from 'react-native';
import { Skeleton } from './Skeleton';

/** Renders a skeleton and lets its reduce-motion check answer. */
async function renderSettled(element: ReactElement) {
  render(element);
  await act(async () => {});
}

describe('Skeleton', () => {
  // The pulse runs on the native driver, whose frames never reach a test renderer; whether it starts is what we can see.
  let loop: jest.SpyInstance;
  beforeEach(() => {
    loop = jest.spyOn(Animated, 'loop');
  });
  afterEach(() => loop.mockRestore());

  it('is one "Loading" progress indicator however many bars it draws', async () => {
    await renderSettled(<Skeleton lines={3} />);
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeOnTheScreen();
  });

  it('pulses', async () => {
    await renderSettled(<Skeleton />);
    expect(loop).toHaveBeenCalledTimes(1);
  });

  it('stays still for users who ask for less motion', async () => {
    jest.mocked(AccessibilityInfo.isReduceMotionEnabled).mockResolvedValueOnce(true);
    await renderSettled(<Skeleton />);
    expect(loop).not.toHaveBeenCalled();
    expect(screen.getByRole('progressbar')).toHaveStyle({ opacity: 1 });
  });
});
