import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from './app/client';
import { App } from './app/App';
import { Embed } from './app/Embed';
import './app/styles.css';

// The server answers every unknown path with this page (SPA fallback): route by the path.
const embed = /^\/embed\/?$/.test(window.location.pathname);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Provider value={client}>{embed ? <Embed /> : <App />}</Provider>
  </StrictMode>,
);
