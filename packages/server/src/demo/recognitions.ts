import type { Recognition, RecognitionStatus, Tier } from '@ntm/core';
import { createRandom } from './random';
import type { CommuneStory, Stories } from './stories';

/**
 * Recognition decisions of the demo province. Numbers, dates and the issuer are fictional
 * (demo data), in the form provinces use ("1234/QĐ-UBND").
 */

export const DEMO_ISSUER = 'Chủ tịch UBND Tỉnh Demo';

/** The set each tier was judged by; recognitions of 2015 predate the 2016–2020 sets. */
export const DEMO_SET_IDS = {
  standard: 'demo-2016-2020-commune-standard',
  advanced: 'demo-2016-2020-commune-advanced',
  model: 'demo-2016-2020-commune-model',
  village: 'demo-village-standard',
  residential: 'demo-model-residential-area',
  standard2026: 'demo-2026-2030-commune-standard',
} as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function buildRecognitions(stories: Stories): Recognition[] {
  const random = createRandom('recognitions');
  const usedNumbers = new Set<string>();
  const recognitions: Recognition[] = [];

  const decisionDate = (year: number): string => {
    // 2021 decisions follow the directive of 12/3/2021.
    const month = random.int(year === 2021 ? 6 : 3, 12);
    return `${year}-${pad2(month)}-${pad2(random.int(1, 28))}`;
  };
  const decisionNumber = (year: number): string => {
    for (;;) {
      const number = `${random.int(120, 3999)}/QĐ-UBND`;
      if (!usedNumbers.has(`${year}:${number}`)) {
        usedNumbers.add(`${year}:${number}`);
        return number;
      }
    }
  };
  const add = (
    unitId: string,
    tier: Tier,
    criteriaSetId: string | null,
    status: RecognitionStatus,
    year: number,
  ) => {
    const decided = status === 'decided';
    recognitions.push({
      id: `demo:rec:${String(recognitions.length + 1).padStart(4, '0')}`,
      unitId,
      tier,
      criteriaSetId,
      status,
      decisionNumber: decided ? decisionNumber(year) : null,
      decisionDate: decided ? decisionDate(year) : null,
      issuer: decided ? DEMO_ISSUER : null,
      revokedDate: null,
      isDemo: true,
    });
  };

  for (const story of stories.communes) {
    const id = story.commune.unit.id;
    if (story.standardYear !== null) {
      add(
        id,
        'standard',
        story.standardYear >= 2016 ? DEMO_SET_IDS.standard : null,
        'decided',
        story.standardYear,
      );
    }
    if (story.advancedYear !== null)
      add(id, 'advanced', DEMO_SET_IDS.advanced, 'decided', story.advancedYear);
    if (story.modelYear !== null) add(id, 'model', DEMO_SET_IDS.model, 'decided', story.modelYear);
  }
  for (const story of stories.villages) {
    const id = story.village.id;
    if (story.villageStandardYear !== null) {
      add(id, 'village_standard', DEMO_SET_IDS.village, 'decided', story.villageStandardYear);
    }
    if (story.residentialAreaYear !== null) {
      add(id, 'model_residential_area', DEMO_SET_IDS.residential, 'decided', story.residentialAreaYear);
    }
  }

  // Dossiers that did not reach a decision in 2021: the registered targets still open.
  const nearMisses = stories.communes.filter((s) => s.outlook === 'near_miss').slice(0, 2);
  nearMisses.forEach((s: CommuneStory, i) => {
    add(s.commune.unit.id, 'standard', DEMO_SET_IDS.standard, i === 0 ? 'dossier' : 'appraised', 2021);
  });
  const notYetAdvanced = stories.communes.find(
    (s) => s.outlook === 'recognised' && s.advancedYear === null && s.unmet[2021].length === 0,
  );
  if (notYetAdvanced)
    add(notYetAdvanced.commune.unit.id, 'advanced', DEMO_SET_IDS.advanced, 'registered', 2021);
  return recognitions;
}
