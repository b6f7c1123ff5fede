// What an uploaded material may be: the server checks it (store-materials.ts, by the first bytes)
// and the wallet checks it before uploading, from this one definition.
export const MAX_MATERIAL_BYTES = 2 * 1024 * 1024;
export const materialContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type MaterialContentType = (typeof materialContentTypes)[number];
