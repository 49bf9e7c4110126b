import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from './app/client';
import { App } from './app/App';
import { Embed } from './app/Embed';
import './app/styles.css';

// Login and the editing forms are a chunk of their own: the map's first load does not carry them.
const EditingRoute = lazy(() => import('./features/editing/EditingApp'));
const BudgetRoute = lazy(() => import('./features/budget/BudgetPage'));

// The server answers every unknown path with this page (SPA fallback): route by the path.
const path = window.location.pathname;
const embed = /^\/embed\/?$/.test(path);
const editing = /^\/bearbeiten\/?$/.test(path) ? 'edit' : /^\/anmelden\/?$/.test(path) ? 'login' : null;
const budget = /^\/haushalt\/?$/.test(path);

function Route() {
  if (embed) return <Embed />;
  if (budget) {
    return (
      <Suspense fallback={<p role="status">Wird geladen … / Loading …</p>}>
        <BudgetRoute />
      </Suspense>
    );
  }
  if (editing) {
    return (
      <Suspense fallback={<p role="status">Wird geladen … / Loading …</p>}>
        <EditingRoute page={editing} />
      </Suspense>
    );
  }
  return <App />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Provider value={client}>
      <Route />
    </Provider>
  </StrictMode>,
);
