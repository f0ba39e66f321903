import { CatalogError } from '@ntm/core';
import { loadConfig } from '../config';
import { installCatalogExtension } from '../features/catalog/catalog.service';
import { CatalogFilesError, readCatalogFolder } from '../features/catalog/catalog-files';
import { runCli } from './run';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

function installDeploymentCatalog(): boolean {
  const { catalogDir } = loadConfig();
  if (!catalogDir) return true;
  try {
    installCatalogExtension(readCatalogFolder(catalogDir));
    return true;
  } catch (error) {
    if (error instanceof CatalogFilesError || error instanceof CatalogError) {
      io.err(`Lỗi: ${error.message}`);
      return false;
    }
    throw error;
  }
}

process.exitCode = installDeploymentCatalog() ? await runCli(process.argv.slice(2), io) : 1;
