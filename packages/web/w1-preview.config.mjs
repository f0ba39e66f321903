import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
export default {
  plugins: [
    react(),
    {
      name: 'w1-missing-pages',
      enforce: 'pre',
      resolveId(id, importer) {
        if (id.startsWith('./pages/') && importer) {
          const base = path.resolve(path.dirname(importer), id);
          if (!fs.existsSync(`${base}.tsx`)) return '\0w1-missing';
        }
        return null;
      },
      load(id) {
        return id === '\0w1-missing' ? 'export default function Missing() { return null; }' : null;
      },
    },
  ],
  server: { port: 5191, strictPort: true, proxy: { '/api': 'http://localhost:3101' } },
  build: { outDir: '/tmp/w1-dist', emptyOutDir: true },
};
