import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../tests/render';
import { usePreferences } from '../../lib/preferences';
import { SettingsDialog } from './settings-dialog';

beforeAll(() => {
  // jsdom has no modal dialogs; opening one only needs to mark it open.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

describe('SettingsDialog', () => {
  it('carries the named controls and refuses an address that is not http(s)', async () => {
    const onClose = vi.fn();
    await renderWithApp(<SettingsDialog onClose={onClose} />);
    const names = ['uiLanguage', 'provider', 'endpoint', 'targetLanguage'];
    expect(names.filter((name) => !document.querySelector(`[name="${name}"]`))).toEqual([]);
    const endpoint = document.querySelector<HTMLInputElement>('input[name="endpoint"]')!;
    await userEvent.type(endpoint, 'javascript:alert(1)');
    expect(
      screen.getByText('http:// 또는 https://로 시작하는 주소를 입력해 주세요.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '저장' })).toBeDisabled();

    await userEvent.clear(endpoint);
    await userEvent.type(endpoint, 'http://engine.example:2737');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(usePreferences.getState().providerSettings.apertium?.endpoint).toBe(
      'http://engine.example:2737',
    );
    expect(onClose).toHaveBeenCalled();
  });
});
