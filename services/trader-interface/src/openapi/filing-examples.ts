/**
 * OpenAPI examples, one per filing family, made once with libs/testing's sample generator and kept as JSON here
 * (production code never imports the test kit). filing-examples.unit.spec.ts proves each still passes validation.
 */
import type { ExampleObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import airCompleteF20 from './examples/air-complete-f20.json';
import airHouseF22 from './examples/air-house-f22.json';
import airMasterF21 from './examples/air-master-f21.json';
import airPlaciHouseF24 from './examples/air-placi-house-f24.json';
import arrivalByMasterDocuments from './examples/arrival-by-master-documents.json';
import arrivalByMrns from './examples/arrival-by-mrns.json';
import expressF30 from './examples/express-f30.json';
import maritimeCompleteF10 from './examples/maritime-complete-f10.json';
import postalF40 from './examples/postal-f40.json';
import railF51 from './examples/rail-f51.json';
import roadF50 from './examples/road-f50.json';

export const FILING_EXAMPLES: Record<string, ExampleObject> = {
  'air-complete-F20': { summary: 'Air: complete dataset lodged before loading (F20)', value: airCompleteF20 },
  'air-master-F21': { summary: 'Air: master air waybill, pre-arrival (F21), listing its house waybills', value: airMasterF21 },
  'air-house-F22': { summary: 'Air: house air waybill, pre-arrival (F22), linked by MAWB + carrier', value: airHouseF22 },
  'air-placi-F24': { summary: 'Air: PLACI 7+1 minimum dataset, house level (F24)', value: airPlaciHouseF24 },
  'maritime-F10': { summary: 'Maritime: complete dataset, straight bill of lading (F10)', value: maritimeCompleteF10 },
  'express-F30': { summary: 'Express: complete dataset lodged before loading (F30)', value: expressF30 },
  'postal-F40': { summary: 'Postal: complete dataset lodged before loading (F40)', value: postalF40 },
  'road-F50': { summary: 'Road: complete dataset (F50)', value: roadF50 },
  'rail-F51': { summary: 'Rail: complete dataset (F51)', value: railF51 },
};

export const ARRIVAL_EXAMPLES: Record<string, ExampleObject> = {
  'by-mrns': { summary: 'IE3N06 naming the arrived filings by MRN', value: arrivalByMrns },
  'by-master-documents': { summary: 'IE3N06 naming the arrived master air waybills', value: arrivalByMasterDocuments },
};

export const EXAMPLE_FILINGS = { airCompleteF20, airMasterF21, airHouseF22, airPlaciHouseF24, maritimeCompleteF10, expressF30, postalF40, roadF50, railF51 };
export const EXAMPLE_ARRIVALS = { arrivalByMrns, arrivalByMasterDocuments };
