import type { Locale } from '../catalog/index.ts';

// The waiting room's words. `{n}` in a template is filled in by the page's script (and the server).
const fr = {
  title: 'File d’attente',
  heading: 'Vous êtes dans la file d’attente',
  lead: 'Beaucoup de monde passe commande en ce moment. Votre place est gardée\u00a0: la page de commande s’ouvrira d’elle-même dès que ce sera votre tour.',
  place: 'Votre place dans la file',
  placeUnknown: '…',
  waitShort: 'Attente estimée\u00a0: moins d’une minute',
  waitMinutes: 'Attente estimée\u00a0: environ {n}\u00a0min',
  waitUnknown: 'Nous calculons le temps d’attente…',
  ready: 'C’est votre tour\u00a0! Ouverture de la page de commande…',
  lost: 'Votre place dans la file n’a pas été retrouvée. Rouvrez la commande pour en prendre une.',
  keepOpen: 'Gardez cette page ouverte\u00a0: elle se met à jour toute seule.',
  noScript: 'Cette page vérifie votre tour toutes les 10\u00a0secondes.',
  checkNow: 'Vérifier maintenant',
  viewCart: 'Voir mon panier',
  soldOutTitle: 'Les articles de votre panier sont épuisés',
  soldOutText: 'Inutile d’attendre\u00a0: il n’en reste plus. Vous pouvez choisir autre chose dans la boutique, votre place dans la file reste gardée.',
  backToShop: 'Retour à la boutique',
  apiQueued: 'La commande est très demandée en ce moment\u00a0: vous êtes dans la file d’attente. Renvoyez la requête avec l’en-tête X-Queue-Ticket après le délai Retry-After.',
};

const en: typeof fr = {
  title: 'Waiting room',
  heading: 'You are in line',
  lead: 'Lots of people are checking out right now. Your place is kept: the checkout page opens by itself as soon as it is your turn.',
  place: 'Your place in line',
  placeUnknown: '…',
  waitShort: 'Estimated wait: under a minute',
  waitMinutes: 'Estimated wait: about {n} min',
  waitUnknown: 'Working out your wait…',
  ready: 'It is your turn! Opening the checkout…',
  lost: 'We could not find your place in line. Open the checkout again to take one.',
  keepOpen: 'Keep this page open: it updates by itself.',
  noScript: 'This page checks for your turn every 10 seconds.',
  checkNow: 'Check now',
  viewCart: 'View my cart',
  soldOutTitle: 'The items in your cart are sold out',
  soldOutText: 'No need to wait: there are none left. You can choose something else in the shop, and your place in line is kept.',
  backToShop: 'Back to the shop',
  apiQueued: 'Checkout is busy right now: you are in line. Send the request again with the X-Queue-Ticket header after the Retry-After delay.',
};

export type WaitingRoomStrings = typeof fr;
const STRINGS: Record<Locale, WaitingRoomStrings> = { fr, en };

export const waitingRoomStrings = (locale: Locale): WaitingRoomStrings => STRINGS[locale];

/** The wait as the page says it: under a minute, or whole minutes. */
export function waitText(s: WaitingRoomStrings, seconds: number): string {
  return seconds < 60 ? s.waitShort : s.waitMinutes.replace('{n}', String(Math.round(seconds / 60)));
}
