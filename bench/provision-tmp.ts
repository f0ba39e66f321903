import { installCatalogExtension } from '../packages/server/src/features/catalog/catalog.service';
import { benchCatalog } from './dataset/catalog';
import { provisionPostgres } from './dataset/databases';
import { buildDataset, NATIONAL, postgresSpec } from './dataset/national';

installCatalogExtension(benchCatalog());
const t = performance.now();
console.log(
  await provisionPostgres(buildDataset(postgresSpec(NATIONAL)), console.log),
  performance.now() - t,
);
