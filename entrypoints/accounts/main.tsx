import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProgramApp } from '@/components/program/program-app';
import '@/components/shared/theme.css';
import '@/components/shared/edits.css';
import '@/components/program/accounts.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ProgramApp />
    </StrictMode>,
  );
}
