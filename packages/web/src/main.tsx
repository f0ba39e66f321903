// Ant Design's styles come prebuilt (zero-runtime mode in App.tsx): generating them in the browser
// was a third of the main thread's work before the dashboard's first figures.
import 'antd/dist/reset.css';
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
