import '@mantine/core/styles.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { newQueryClient } from './api/queryClient';
import { Providers } from './Providers';
import { routes } from './routes';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no element with the id "root"');

const router = createBrowserRouter(routes);

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={newQueryClient()}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
