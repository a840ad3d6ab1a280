import { assetUrl } from '../http/static.ts';

export const ADMIN_ASSETS = { css: assetUrl('admin.css'), js: assetUrl('admin.js') };
