import { describe, expect, it } from 'vitest';
import {
  createRestartState,
  pendingEnvironment,
  type EnvironmentChoice,
} from '../../../src/main/core/settings/restart-state';

describe('pendingEnvironment', () => {
  it('is null while the saved environment is the running one', () => {
    expect(pendingEnvironment({ environment: 'sandbox' }, { environment: 'sandbox' })).toBeNull();
    expect(pendingEnvironment({ environment: 'training' }, { environment: 'training' })).toBeNull();
  });

  it('names the saved environment when it differs', () => {
    expect(pendingEnvironment({ environment: 'sandbox' }, { environment: 'production' })).toBe('production');
    expect(pendingEnvironment({ environment: 'mi' }, { environment: 'sandbox' })).toBe('sandbox');
  });

  it('ignores a leftover custom address outside the custom environment', () => {
    expect(
      pendingEnvironment(
        { environment: 'training', customBaseUrl: 'https://a.example' },
        { environment: 'training', customBaseUrl: 'https://b.example' },
      ),
    ).toBeNull();
  });

  it('counts a new custom address as a switch, but not the same address written differently', () => {
    const started = { environment: 'custom', customBaseUrl: 'https://proxy.example' } as const;
    expect(
      pendingEnvironment(started, { environment: 'custom', customBaseUrl: 'https://other.example' }),
    ).toBe('custom');
    expect(
      pendingEnvironment(started, { environment: 'custom', customBaseUrl: 'https://proxy.example/' }),
    ).toBeNull();
  });
});

describe('createRestartState', () => {
  it('follows the saved settings and refuses with restart_required only while they differ', () => {
    let saved: EnvironmentChoice = { environment: 'sandbox' };
    const state = createRestartState({ environment: 'sandbox' }, () => saved);
    expect(state.refusal()).toBeNull();

    saved = { environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010' };
    expect(state.pending()).toBe('custom');
    expect(state.refusal()).toEqual({ category: 'needs_action', code: 'restart_required' });
    expect(state.started).toEqual({ environment: 'sandbox' });

    saved = { environment: 'sandbox' };
    expect(state.pending()).toBeNull();
    expect(state.refusal()).toBeNull();
  });

  it('keeps what it started with even if the object it was given changes later', () => {
    const started: EnvironmentChoice = { environment: 'mi' };
    const state = createRestartState(started, () => ({ environment: 'mi' }));
    started.environment = 'production';
    expect(state.started.environment).toBe('mi');
    expect(state.pending()).toBeNull();
  });
});
