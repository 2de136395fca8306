/** Component-test helpers: the jsdom polyfills, and rendering in the app's providers. */
import './test-polyfills';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { Providers } from './app/providers';

/** Renders `ui` inside the theme, query client, i18n (Vietnamese) and a memory router. */
export function renderWithProviders(ui: ReactElement) {
  return render(
    <Providers>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}
