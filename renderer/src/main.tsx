import 'katex/dist/katex.min.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ReadingProvider } from './reading/ReadingContext.js';
import './styles.css';
import './study.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReadingProvider>
      <App />
    </ReadingProvider>
  </StrictMode>,
);
