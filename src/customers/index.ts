export { createCustomerService, CUSTOMER_SESSION_DAYS, MIN_PASSWORD, type Customer, type CustomerService } from './service.ts';
