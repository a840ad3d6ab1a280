import { z } from 'zod';
import { PROVIDER_IDS } from '../payments/index.ts';
import { SHIPPING_COUNTRIES } from '../tax/rates.ts';

export const AddressSchema = z
  .object({
    name: z.string().trim().min(1, 'enter the recipient’s name').max(120),
    line1: z.string().trim().min(3, 'enter the street address').max(200),
    line2: z.string().trim().max(200).nullish(),
    postalCode: z.string().trim().min(2, 'enter the postal code').max(16),
    city: z.string().trim().min(1, 'enter the city').max(100),
    country: z.enum(SHIPPING_COUNTRIES as [string, ...string[]], 'we deliver to EU countries: use a code such as FR'),
    phone: z.string().trim().max(30).regex(/^[+\d][\d .()-]{5,}$/, 'enter a phone number such as +33 6 12 34 56 78').nullish(),
  })
  .strict()
  .meta({ id: 'Address' });

export const CheckoutInputSchema = z
  .object({
    email: z.email('enter a valid e-mail address').max(255),
    shippingAddress: AddressSchema,
    shippingMethodId: z.number().int().positive().optional(),
    discountCode: z.string().trim().max(64).optional(),
    payment: z
      .object({
        provider: z.enum(PROVIDER_IDS, `choose a payment method: ${PROVIDER_IDS.join(', ')}`),
        token: z.string().max(200).optional().describe('The test provider takes a card number; Stripe takes nothing here'),
      })
      .strict(),
    locale: z.enum(['fr', 'en']).optional(),
    account: z
      .object({ password: z.string().max(200) })
      .strict()
      .optional()
      .describe('Give a password to create a customer account with this e-mail along with the order'),
  })
  .strict()
  .meta({ id: 'CheckoutInput' });
export type CheckoutInput = z.output<typeof CheckoutInputSchema>;
