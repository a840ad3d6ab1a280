import type { DemoCollection } from './types.ts';

// In the order they appear in the shop's menu.
export const DEMO_COLLECTIONS: DemoCollection[] = [
  {
    key: 'vetements',
    fr: {
      title: 'Vêtements',
      description: 'Des basiques bien coupés en lin, coton biologique et laine, tissés et confectionnés en France ou en Europe. Des pièces faites pour durer, qui se patinent avec le temps.',
      seo: 'Vêtements en lin, coton bio et laine, confectionnés en France : marinières, chemises, pulls et robes.',
    },
    en: {
      title: 'Clothing',
      description: 'Well-cut basics in linen, organic cotton and wool, woven and sewn in France or elsewhere in Europe. Pieces made to last, that only get better with wear.',
      seo: 'Linen, organic cotton and wool clothing made in France: Breton tops, shirts, jumpers and dresses.',
    },
  },
  {
    key: 'accessoires',
    fr: {
      title: 'Accessoires',
      description: 'Sacs, écharpes, bonnets et petite maroquinerie, choisis chez des artisans que nous connaissons. Les détails qui complètent une tenue.',
      seo: 'Accessoires artisanaux : sacs en toile et en cuir, écharpes en laine, bonnets, bijoux en laiton.',
    },
    en: {
      title: 'Accessories',
      description: 'Bags, scarves, hats and small leather goods, chosen from craftspeople we know. The details that finish an outfit.',
      seo: 'Handmade accessories: canvas and leather bags, wool scarves, beanies and brass jewellery.',
    },
  },
  {
    key: 'maison',
    fr: {
      title: 'Maison',
      description: 'Bougies coulées à la main, linge de lin, céramiques et objets en fibres naturelles. De quoi rendre un intérieur plus doux, pièce par pièce.',
      seo: 'Décoration et linge de maison : bougies parfumées, coussins en lin, plaids en laine, vases en grès.',
    },
    en: {
      title: 'Homeware',
      description: 'Hand-poured candles, linen, ceramics and objects in natural fibres. Everything to make a home a little softer, one piece at a time.',
      seo: 'Home decor and linens: scented candles, linen cushions, wool throws and stoneware vases.',
    },
  },
  {
    key: 'cuisine',
    fr: {
      title: 'Cuisine',
      description: 'Vaisselle en grès tournée à la main, linge de cuisine et bonnes choses de nos producteurs. Pour une table simple et belle, tous les jours.',
      seo: 'Vaisselle en grès, torchons en lin, planches en chêne et épicerie fine de petits producteurs français.',
    },
    en: {
      title: 'Kitchen',
      description: 'Hand-thrown stoneware, kitchen linens and good things from our producers. For a simple, beautiful table every day.',
      seo: 'Stoneware tableware, linen tea towels, oak boards and fine food from small French producers.',
    },
  },
  {
    key: 'papeterie',
    fr: {
      title: 'Papeterie',
      description: 'Carnets reliés, crayons, cartes et beaux livres pour écrire, dessiner et offrir. Du papier épais, des couvertures qui se tiennent.',
      seo: 'Papeterie de qualité : carnets en lin, agendas, stylos-plume, cartes postales illustrées et livres.',
    },
    en: {
      title: 'Stationery',
      description: 'Bound notebooks, pencils, cards and books for writing, drawing and giving. Thick paper, covers that hold up.',
      seo: 'Quality stationery: linen notebooks, planners, fountain pens, illustrated postcards and books.',
    },
  },
  {
    key: 'cadeaux',
    fr: {
      title: 'Idées cadeaux',
      description: 'Notre sélection de cadeaux qui font plaisir, des coffrets prêts à offrir et la carte cadeau. Emballage papier kraft offert sur demande.',
      seo: 'Idées cadeaux : coffrets gourmands, bougies, bijoux, carnets et carte cadeau à offrir.',
    },
    en: {
      title: 'Gift ideas',
      description: 'Our pick of gifts that always please, ready-to-give boxes and the gift card. Kraft paper wrapping free on request.',
      seo: 'Gift ideas: food gift boxes, candles, jewellery, notebooks and a gift card to give.',
    },
  },
];
