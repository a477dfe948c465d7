import { Flex, Spin } from 'antd';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/client';
import { Providers } from './app/Providers';
import { queryClient } from './app/queryClient';
import { routes } from './app/routes';
import { SESSION_KEY } from './features/auth/session';
import './i18n';
import './styles.css';

const router = createBrowserRouter(routes);

// An expired session drops cached data; RequireAuth then sends the user to /login and back afterwards.
setUnauthorizedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
});

const fallback = (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <Suspense fallback={fallback}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  </StrictMode>,
);
