/** Entry: i18n, preferences, the race runner (engine + animation loop), then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { appStore } from './store/store';
import { RaceRunner } from './store/runner';
import { installPreferences } from './ui/boot/preferences';
import { installServiceWorker } from './ui/boot/serviceWorker';
import { installLinkSync } from './ui/share/linkSync';
import { installModes } from './ui/share/modes';
import { App } from './App';
import './styles/index.css';

async function main(): Promise<void> {
  await initI18n();
  installPreferences(appStore);
  installServiceWorker();
  // The link (or the remembered experiment) is applied before the first race starts.
  installLinkSync(appStore);
  installModes(appStore);
  const runner = new RaceRunner(appStore);
  runner.start();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void main();
