import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceResolution } from '../../scripts/source-conditions.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  ...sourceResolution,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
