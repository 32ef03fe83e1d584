import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { appErrorOf } from './use-pos-mutation';
import './styles.css';

// Calls to the terminal are not idempotent enough to retry blindly: the screens decide.
const queryClient: QueryClient = new QueryClient({
  // The idle lock ends the session in main: the next refused call brings the sign-in screen back.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (appErrorOf(error)?.code === 'sign_in_required') void queryClient.invalidateQueries();
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
