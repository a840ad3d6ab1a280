export { createStaffService, ROLES, StaffInputSchema, type Role, type Session, type StaffMember, type StaffService } from './service.ts';
export { createApiKeyService, hasScope, SCOPES, type ApiKeyInfo, type ApiKeyService, type Scope } from './api-keys.ts';
export { randomToken, safeEqual, sha256 } from './tokens.ts';
