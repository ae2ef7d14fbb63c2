/** Stream names are `<category>-<id>`; the category is what subscriptions filter on. */
export const ensStream = (mrn: string) => `ens-${mrn}`;
export const riskStream = (mrn: string) => `risk-${mrn}`;
export const controlStream = (mrn: string) => `control-${mrn}`;
export const rifStream = (id: string) => `rif-${id}`;
export const arrivalStream = (arrivalMrn: string) => `arrival-${arrivalMrn}`;
export const criterionStream = (id: string) => `criterion-${id}`;
export const pcaStream = (id: string) => `pca-${id}`;
export const crisisStream = (id: string) => `crisis-${id}`;
export const accessStream = (key: string) => `access-${key}`;
