export { createMailer, type Mail, type Mailer } from './mailer.ts';
export { emailHandlers, orderStatusUrl } from './handlers.ts';
