/**
 * What the ENS samples are made of: companies, people, carriers, places, customs offices and goods, as data.
 * The file is long because it is the table; the code that draws from it is in ens-sample-shipment.ts.
 *
 * Realism, not truth: carriers carry their real names, IATA codes and air waybill prefixes; every other company
 * and person is invented. Places are real UN/LOCODEs. Customs office numbers have the CL141 shape (country + 6)
 * and sit where real offices of first entry are, but the numbers themselves are [U]: not checked against the
 * EU customs office list. Every text passes libs/domain's character-set check (Latin, Greek, Cyrillic).
 */

export interface CatalogueAddress {
  readonly streetAndNumber: string;
  readonly postcode?: string;
  readonly city: string;
  readonly country: string;
}

export interface CatalogueCompany {
  readonly name: string;
  /** Three letters: the company's prefix in its own references (LRNs, house waybills). */
  readonly code: string;
  readonly address: CatalogueAddress;
  readonly phone?: string;
  readonly email: string;
  /** The UN/LOCODE of its city, when it is one. */
  readonly unLocode?: string;
}

export interface CataloguePerson {
  readonly name: string;
  readonly address: CatalogueAddress;
  readonly email: string;
}

const company = (
  name: string,
  code: string,
  address: CatalogueAddress,
  contact: { phone?: string; email: string; unLocode?: string },
): CatalogueCompany => ({ name, code, address, ...contact });

/** Exporters outside the EU: consignors and sellers of general cargo. */
export const EXPORTERS: readonly CatalogueCompany[] = [
  company('Shenzhen Hongda Electronics Co., Ltd.', 'HDE', { streetAndNumber: 'No. 88 Keji South Road, Nanshan District', postcode: '518057', city: 'Shenzhen', country: 'CN' }, { phone: '+86 755 2671 3380', email: 'export@hongda-elec.cn', unLocode: 'CNSZX' }),
  company('Ningbo Seaview Textiles Co., Ltd.', 'NST', { streetAndNumber: '1288 Zhongshan East Road', postcode: '315040', city: 'Ningbo', country: 'CN' }, { phone: '+86 574 8736 2210', email: 'sales@seaviewtex.cn', unLocode: 'CNNGB' }),
  company('Yiwu Sunrise Toys Trading Co., Ltd.', 'YST', { streetAndNumber: '66 Chouzhou North Road', postcode: '322000', city: 'Yiwu', country: 'CN' }, { phone: '+86 579 8552 0917', email: 'info@sunrisetoys.cn', unLocode: 'CNYIW' }),
  company('Guangzhou Baiyun Cosmetics Co., Ltd.', 'GBC', { streetAndNumber: '23 Jichang Road, Baiyun District', postcode: '510405', city: 'Guangzhou', country: 'CN' }, { phone: '+86 20 3622 8841', email: 'trade@baiyun-cosmetics.cn', unLocode: 'CNCAN' }),
  company('Dongguan Everstep Footwear Co., Ltd.', 'EVS', { streetAndNumber: '15 Houjie Avenue, Houjie Town', postcode: '523960', city: 'Dongguan', country: 'CN' }, { phone: '+86 769 8559 6620', email: 'orders@everstep.cn' }),
  company('Shanghai Orient Homeware Co., Ltd.', 'OHW', { streetAndNumber: '399 Songhu Road, Yangpu District', postcode: '200433', city: 'Shanghai', country: 'CN' }, { phone: '+86 21 6548 0712', email: 'export@orienthome.cn', unLocode: 'CNSHA' }),
  company('Kowloon Bay Trading Ltd.', 'KBT', { streetAndNumber: 'Unit 1203, 8 Wang Hoi Road, Kowloon Bay', city: 'Hong Kong', country: 'HK' }, { phone: '+852 2755 3190', email: 'shipping@kbtrading.hk', unLocode: 'HKHKG' }),
  company('Saigon Garment Export JSC', 'SGE', { streetAndNumber: '45 Le Thanh Ton, Ben Nghe Ward, District 1', postcode: '700000', city: 'Ho Chi Minh City', country: 'VN' }, { phone: '+84 28 3829 4417', email: 'export@saigongarment.vn', unLocode: 'VNSGN' }),
  company('Tiruppur Knitwear Exports Pvt. Ltd.', 'TKE', { streetAndNumber: '112 Avinashi Road', postcode: '641603', city: 'Tiruppur', country: 'IN' }, { phone: '+91 421 224 5518', email: 'exports@tiruppurknit.in' }),
  company('Pacific Crest Outfitters Inc.', 'PCO', { streetAndNumber: '1420 Fifth Avenue', postcode: '98101', city: 'Seattle', country: 'US' }, { phone: '+1 206 555 0142', email: 'intl@pacificcrest.example.com', unLocode: 'USSEA' }),
  company('Hudson Valley Electronics LLC', 'HVE', { streetAndNumber: '350 West 31st Street', postcode: '10001', city: 'New York', country: 'US' }, { phone: '+1 212 555 0187', email: 'export@hudsonvalley-elec.example.com', unLocode: 'USNYC' }),
  company('Anadolu Tekstil Sanayi ve Ticaret A.Ş.', 'ATS', { streetAndNumber: 'Organize Sanayi Bölgesi 4. Cadde No: 12', postcode: '34524', city: 'Istanbul', country: 'TR' }, { phone: '+90 212 876 4410', email: 'export@anadolutekstil.com.tr', unLocode: 'TRIST' }),
  company('Vojvodina Agrar d.o.o.', 'VOA', { streetAndNumber: 'Bulevar oslobođenja 102', postcode: '21000', city: 'Novi Sad', country: 'RS' }, { phone: '+381 21 472 1180', email: 'export@vojvodina-agrar.rs' }),
  company('Kharkiv Agro Export LLC', 'KAE', { streetAndNumber: 'vul. Sumska 44', postcode: '61002', city: 'Kharkiv', country: 'UA' }, { phone: '+380 57 714 2290', email: 'export@kharkivagro.com.ua' }),
  company('Lviv Furniture Factory LLC', 'LFF', { streetAndNumber: 'vul. Horodotska 174', postcode: '79022', city: 'Lviv', country: 'UA' }, { phone: '+380 32 295 6610', email: 'sales@lvivfurniture.com.ua' }),
  company('Busan Marine Parts Co., Ltd.', 'BMP', { streetAndNumber: '77 Jungang-daero, Jung-gu', postcode: '48939', city: 'Busan', country: 'KR' }, { phone: '+82 51 463 2270', email: 'overseas@busanmarine.kr', unLocode: 'KRPUS' }),
];

/** Web shops that sell to private persons in the EU: e-commerce and postal consignors. */
export const WEB_SHOPS: readonly CatalogueCompany[] = [
  company('Shenzhen Bluefin E-commerce Co., Ltd.', 'BFE', { streetAndNumber: 'Room 1506, Tower B, 3 Shennan Avenue, Futian District', postcode: '518048', city: 'Shenzhen', country: 'CN' }, { phone: '+86 755 8390 1124', email: 'support@bluefin-shop.cn', unLocode: 'CNSZX' }),
  company('Hangzhou Starlit Apparel Online Co., Ltd.', 'SAO', { streetAndNumber: '588 Jiangnan Avenue, Binjiang District', postcode: '310051', city: 'Hangzhou', country: 'CN' }, { phone: '+86 571 8665 2091', email: 'service@starlit-apparel.cn', unLocode: 'CNHGH' }),
  company('Yiwu Happy Kids Online Store Co., Ltd.', 'HKO', { streetAndNumber: '18 Futian Road', postcode: '322000', city: 'Yiwu', country: 'CN' }, { phone: '+86 579 8530 7716', email: 'hello@happykids-store.cn', unLocode: 'CNYIW' }),
  company('Guangzhou Glow Beauty Mall Co., Ltd.', 'GBM', { streetAndNumber: '101 Tianhe Road, Tianhe District', postcode: '510620', city: 'Guangzhou', country: 'CN' }, { phone: '+86 20 8752 3306', email: 'cs@glowbeauty.cn', unLocode: 'CNCAN' }),
  company('Brooklyn Outdoor Supply Co.', 'BOS', { streetAndNumber: '210 Kent Avenue', postcode: '11249', city: 'Brooklyn', country: 'US' }, { phone: '+1 718 555 0134', email: 'orders@brooklynoutdoor.example.com' }),
  company('Pinecrest Beauty LLC', 'PCB', { streetAndNumber: '8800 Sunset Boulevard', postcode: '90069', city: 'Los Angeles', country: 'US' }, { phone: '+1 310 555 0119', email: 'help@pinecrestbeauty.example.com', unLocode: 'USLAX' }),
  company('Harbour Gadgets Ltd.', 'HGL', { streetAndNumber: 'Flat 9, 21/F, 48 Hung To Road, Kwun Tong', city: 'Hong Kong', country: 'HK' }, { phone: '+852 3106 4420', email: 'service@harbourgadgets.hk', unLocode: 'HKHKG' }),
];

/** Importers in the EU: consignees, buyers and notify parties of general cargo. */
export const IMPORTERS: readonly CatalogueCompany[] = [
  company('Rheinland Elektronik Handel GmbH', 'RLE', { streetAndNumber: 'Industriestraße 42', postcode: '50735', city: 'Köln', country: 'DE' }, { phone: '+49 221 9876 540', email: 'einkauf@rheinland-elektronik.de', unLocode: 'DECGN' }),
  company('Modehaus Weber GmbH & Co. KG', 'MHW', { streetAndNumber: 'Zeil 106', postcode: '60313', city: 'Frankfurt am Main', country: 'DE' }, { phone: '+49 69 2130 774', email: 'logistik@modehaus-weber.de', unLocode: 'DEFRA' }),
  company('Holland Home & Living B.V.', 'HHL', { streetAndNumber: 'Westblaak 180', postcode: '3012 KN', city: 'Rotterdam', country: 'NL' }, { phone: '+31 10 412 8890', email: 'import@hollandhome.nl', unLocode: 'NLRTM' }),
  company('Maison Dupont Distribution SAS', 'MDD', { streetAndNumber: '14 Rue du Faubourg Saint-Antoine', postcode: '75012', city: 'Paris', country: 'FR' }, { phone: '+33 1 43 44 21 90', email: 'achats@maisondupont.fr', unLocode: 'FRPAR' }),
  company('Giocattoli Bianchi S.r.l.', 'GBS', { streetAndNumber: 'Via Torino 61', postcode: '20123', city: 'Milano', country: 'IT' }, { phone: '+39 02 8646 3312', email: 'ordini@giocattolibianchi.it', unLocode: 'ITMIL' }),
  company('Calzados Levante S.L.', 'CLV', { streetAndNumber: 'Avenida del Puerto 220', postcode: '46023', city: 'Valencia', country: 'ES' }, { phone: '+34 963 30 45 18', email: 'compras@calzadoslevante.es', unLocode: 'ESVLC' }),
  company('Kosmetyki Wisła Sp. z o.o.', 'KWS', { streetAndNumber: 'ul. Puławska 145', postcode: '02-715', city: 'Warszawa', country: 'PL' }, { phone: '+48 22 843 17 60', email: 'zakupy@kosmetykiwisla.pl', unLocode: 'PLWAW' }),
  company('Nordic Outdoor ApS', 'NOA', { streetAndNumber: 'Vesterbrogade 149', postcode: '1620', city: 'København', country: 'DK' }, { phone: '+45 33 22 15 80', email: 'indkob@nordicoutdoor.dk', unLocode: 'DKCPH' }),
  company('Wiener Haushaltswaren GmbH', 'WHW', { streetAndNumber: 'Laxenburger Straße 90', postcode: '1100', city: 'Wien', country: 'AT' }, { phone: '+43 1 604 22 18', email: 'einkauf@wiener-haushalt.at', unLocode: 'ATVIE' }),
  company('Antwerp Bike Components NV', 'ABC', { streetAndNumber: 'Noorderlaan 133', postcode: '2030', city: 'Antwerpen', country: 'BE' }, { phone: '+32 3 543 91 20', email: 'purchasing@abc-bikes.be', unLocode: 'BEANR' }),
];

/** Freight forwarders and logistics providers established in the EU: house filers and e-commerce declarants. */
export const FORWARDERS: readonly CatalogueCompany[] = [
  company('Nordwind Logistik GmbH', 'NWL', { streetAndNumber: 'Am Sandtorkai 50', postcode: '20457', city: 'Hamburg', country: 'DE' }, { phone: '+49 40 3609 1270', email: 'ens@nordwind-logistik.de', unLocode: 'DEHAM' }),
  company('Van der Berg Forwarding B.V.', 'VDB', { streetAndNumber: 'Waalhaven Zuidzijde 19', postcode: '3089 JH', city: 'Rotterdam', country: 'NL' }, { phone: '+31 10 294 3300', email: 'customs@vdberg-forwarding.nl', unLocode: 'NLRTM' }),
  company('Transports Lefèvre SAS', 'TLF', { streetAndNumber: '3 Rue du Té, Zone de Fret 4', postcode: '95700', city: 'Roissy-en-France', country: 'FR' }, { phone: '+33 1 48 62 77 30', email: 'douane@lefevre-transports.fr' }),
  company('Zaventem Air Freight Services NV', 'ZAF', { streetAndNumber: 'Brucargo Building 706', postcode: '1931', city: 'Zaventem', country: 'BE' }, { phone: '+32 2 753 48 10', email: 'ops@zaf-services.be', unLocode: 'BEBRU' }),
  company('Spedizioni Rossi S.r.l.', 'SPR', { streetAndNumber: 'Via Cargo City 12', postcode: '21010', city: 'Ferno', country: 'IT' }, { phone: '+39 0331 23 45 67', email: 'dogana@spedizionirossi.it' }),
  company('Transitarios Ibéricos S.L.', 'TIB', { streetAndNumber: 'Centro de Carga Aérea, Nave 4', postcode: '28042', city: 'Madrid', country: 'ES' }, { phone: '+34 913 05 82 40', email: 'aduanas@transitariosibericos.es', unLocode: 'ESMAD' }),
  company('Polskie Centrum Logistyczne Sp. z o.o.', 'PCL', { streetAndNumber: 'ul. Żwirki i Wigury 1', postcode: '00-906', city: 'Warszawa', country: 'PL' }, { phone: '+48 22 650 39 12', email: 'odprawy@pcl-logistyka.pl', unLocode: 'PLWAW' }),
  company('Eastwind Parcel Logistics B.V.', 'EPL', { streetAndNumber: 'Pudongweg 31', postcode: '1437 EM', city: 'Rozenburg', country: 'NL' }, { phone: '+31 20 654 88 10', email: 'ics2@eastwind-parcel.nl' }),
  company('Leipzig Crossborder Fulfilment GmbH', 'LCF', { streetAndNumber: 'Hermann-Köhl-Straße 1', postcode: '04435', city: 'Schkeuditz', country: 'DE' }, { phone: '+49 341 4499 620', email: 'zoll@lcf-fulfilment.de' }),
];

/** Customs brokers who lodge as representatives (CL094 2 direct, 3 indirect). */
export const CUSTOMS_BROKERS: readonly CatalogueCompany[] = [
  company('Hanse Zollagentur GmbH', 'HZA', { streetAndNumber: 'Bei St. Annen 2', postcode: '20457', city: 'Hamburg', country: 'DE' }, { phone: '+49 40 3290 881', email: 'ics2@hanse-zoll.de' }),
  company('Douane Expertise B.V.', 'DEX', { streetAndNumber: 'Evert van de Beekstraat 310', postcode: '1118 CX', city: 'Schiphol', country: 'NL' }, { phone: '+31 20 405 17 70', email: 'ens@douane-expertise.nl' }),
  company('Bureau de Douane Roissy SARL', 'BDR', { streetAndNumber: '5 Rue des Voyelles', postcode: '95700', city: 'Roissy-en-France', country: 'FR' }, { phone: '+33 1 49 19 22 40', email: 'ens@bdr-douane.fr' }),
  company('Agenzia Doganale Colombo S.r.l.', 'ADC', { streetAndNumber: 'Via Cristoforo Colombo 8', postcode: '16126', city: 'Genova', country: 'IT' }, { phone: '+39 010 246 3310', email: 'ens@adcolombo.it' }),
];

/** Private persons in the EU (e-commerce and postal consignees), a few in Greek and Cyrillic script. */
export const PRIVATE_PERSONS: readonly CataloguePerson[] = [
  { name: 'Anna Schmidt', address: { streetAndNumber: 'Lindenstraße 17', postcode: '10969', city: 'Berlin', country: 'DE' }, email: 'anna.schmidt@example.de' },
  { name: 'Lukas Müller', address: { streetAndNumber: 'Schillerplatz 4', postcode: '70173', city: 'Stuttgart', country: 'DE' }, email: 'l.mueller@example.de' },
  { name: 'Sophie Dubois', address: { streetAndNumber: '27 Rue Sainte-Catherine', postcode: '33000', city: 'Bordeaux', country: 'FR' }, email: 'sophie.dubois@example.fr' },
  { name: 'Giulia Bianchi', address: { streetAndNumber: 'Via Garibaldi 23', postcode: '10122', city: 'Torino', country: 'IT' }, email: 'giulia.bianchi@example.it' },
  { name: 'Jan de Vries', address: { streetAndNumber: 'Oudegracht 112', postcode: '3511 AW', city: 'Utrecht', country: 'NL' }, email: 'jan.devries@example.nl' },
  { name: 'Katarzyna Nowak', address: { streetAndNumber: 'ul. Floriańska 9 m. 4', postcode: '31-019', city: 'Kraków', country: 'PL' }, email: 'k.nowak@example.pl' },
  { name: 'Lucía García Pérez', address: { streetAndNumber: 'Calle de Alcalá 85, 3º B', postcode: '28009', city: 'Madrid', country: 'ES' }, email: 'lucia.garcia@example.es' },
  { name: 'Mikkel Jensen', address: { streetAndNumber: 'Nørrebrogade 52, 2. tv', postcode: '2200', city: 'København N', country: 'DK' }, email: 'mikkel.jensen@example.dk' },
  { name: 'Αικατερίνη Παπαδοπούλου', address: { streetAndNumber: 'Οδός Ερμού 44', postcode: '105 63', city: 'Αθήνα', country: 'GR' }, email: 'k.papadopoulou@example.gr' },
  { name: 'Иван Петров', address: { streetAndNumber: 'ул. Граф Игнатиев 15', postcode: '1000', city: 'София', country: 'BG' }, email: 'ivan.petrov@example.bg' },
  { name: 'Eva Horváthová', address: { streetAndNumber: 'Obchodná 38', postcode: '811 06', city: 'Bratislava', country: 'SK' }, email: 'eva.horvathova@example.sk' },
  { name: 'João Silva', address: { streetAndNumber: 'Rua Augusta 210, 2º Esq.', postcode: '1100-053', city: 'Lisboa', country: 'PT' }, email: 'joao.silva@example.pt' },
];

/** Postal operators of the EU Member State of destination: the declarants of postal filings. */
export const POSTAL_OPERATORS: readonly CatalogueCompany[] = [
  company('Deutsche Post AG', 'DPA', { streetAndNumber: 'Charles-de-Gaulle-Straße 20', postcode: '53113', city: 'Bonn', country: 'DE' }, { phone: '+49 228 182 0', email: 'ics2@post.example.de' }),
  company('PostNL Pakketten Benelux B.V.', 'PNL', { streetAndNumber: 'Waldorpstraat 3', postcode: '2521 CA', city: "'s-Gravenhage", country: 'NL' }, { phone: '+31 88 868 6161', email: 'ics2@postnl.example.nl' }),
  company('La Poste SA', 'LPS', { streetAndNumber: '9 Rue du Colonel Pierre Avia', postcode: '75015', city: 'Paris', country: 'FR' }, { phone: '+33 1 55 44 00 00', email: 'ics2@laposte.example.fr' }),
  company('bpost SA/NV', 'BPO', { streetAndNumber: 'Boulevard Anspach 1', postcode: '1000', city: 'Bruxelles', country: 'BE' }, { phone: '+32 2 276 22 11', email: 'ics2@bpost.example.be' }),
];

export interface CatalogueCarrier extends CatalogueCompany {
  /** Where the carrier's EORI was issued. */
  readonly eoriCountry: string;
  /** CL718: the nationality of its aircraft, vessels, trucks or trains. */
  readonly nationality: string;
}

const carrier = (
  base: CatalogueCompany,
  eoriCountry: string,
  nationality: string,
): CatalogueCarrier => ({ ...base, eoriCountry, nationality });

export interface AirCarrier extends CatalogueCarrier {
  readonly iata: string;
  /** IATA air waybill prefix. */
  readonly awbPrefix: string;
  /** Aircraft registrations (nationality mark first). */
  readonly registrations: readonly string[];
  readonly flightNumbers: readonly [number, number];
  readonly origins: readonly string[];
  /** A hub outside the EU the flight passes (its country joins the routing). */
  readonly hub?: string;
  readonly destinations: readonly string[];
  /** Express integrators: how the house waybill numbers look. */
  readonly houseWaybill?: 'dhl' | 'ups' | 'fedex';
}

const airline = (
  name: string,
  iata: string,
  awbPrefix: string,
  details: Omit<AirCarrier, keyof CatalogueCompany | 'iata' | 'awbPrefix'> & { address: CatalogueAddress; email: string },
): AirCarrier => ({ name, code: `${iata}C`, iata, awbPrefix, ...details });

/** Air cargo carriers: general cargo and the air leg of postal consignments. */
export const AIRLINES: readonly AirCarrier[] = [
  airline('Lufthansa Cargo AG', 'LH', '020', { address: { streetAndNumber: 'Langer Kornweg 34i', postcode: '65451', city: 'Kelsterbach', country: 'DE' }, email: 'ics2@lhcargo.example.com', eoriCountry: 'DE', nationality: 'DE', registrations: ['D-ALFA', 'D-ALFB', 'D-ALFC', 'D-ALFD', 'D-ALFE'], flightNumbers: [8200, 8499], origins: ['HKHKG', 'CNSHA', 'CNPVG', 'USJFK', 'USORD', 'INBOM', 'KRSEL'], destinations: ['DEFRA'] }),
  airline('Cathay Pacific Cargo', 'CX', '160', { address: { streetAndNumber: 'Cathay Pacific City, 8 Scenic Road', city: 'Hong Kong', country: 'HK' }, email: 'ics2@cathaycargo.example.com', eoriCountry: 'NL', nationality: 'HK', registrations: ['B-LJA', 'B-LJB', 'B-LJC', 'B-LIA', 'B-LIB'], flightNumbers: [201, 299], origins: ['HKHKG'], destinations: ['DEFRA', 'NLAMS', 'BEBRU', 'ITMXP', 'ESMAD'] }),
  airline('Emirates SkyCargo', 'EK', '176', { address: { streetAndNumber: 'Emirates Group Headquarters, Airport Road', city: 'Dubai', country: 'AE' }, email: 'ics2@skycargo.example.com', eoriCountry: 'DE', nationality: 'AE', registrations: ['A6-EFD', 'A6-EFE', 'A6-EFF', 'A6-EFG'], flightNumbers: [9300, 9499], origins: ['CNSHA', 'HKHKG', 'INDEL', 'VNSGN'], hub: 'AEDXB', destinations: ['DEFRA', 'NLAMS', 'BEBRU', 'ITMXP', 'ESMAD'] }),
  airline('Qatar Airways Cargo', 'QR', '157', { address: { streetAndNumber: 'Qatar Airways Tower 1, Airport Road', city: 'Doha', country: 'QA' }, email: 'ics2@qrcargo.example.com', eoriCountry: 'BE', nationality: 'QA', registrations: ['A7-BFA', 'A7-BFB', 'A7-BFC', 'A7-BFG'], flightNumbers: [8100, 8299], origins: ['CNCAN', 'HKHKG', 'INBOM', 'THBKK'], hub: 'QADOH', destinations: ['BELGG', 'NLAMS', 'FRCDG', 'PLWAW'] }),
  airline('Turkish Cargo', 'TK', '235', { address: { streetAndNumber: 'Istanbul Airport Cargo Terminal', postcode: '34283', city: 'Istanbul', country: 'TR' }, email: 'ics2@turkishcargo.example.com', eoriCountry: 'DE', nationality: 'TR', registrations: ['TC-LJA', 'TC-LJB', 'TC-LJK', 'TC-LJM'], flightNumbers: [6300, 6599], origins: ['CNSHA', 'HKHKG', 'INDEL', 'USJFK'], hub: 'TRIST', destinations: ['DEFRA', 'FRCDG', 'ESMAD', 'ITMXP'] }),
  airline('KLM Royal Dutch Airlines', 'KL', '074', { address: { streetAndNumber: 'Amsterdamseweg 55', postcode: '1182 GP', city: 'Amstelveen', country: 'NL' }, email: 'ics2@klmcargo.example.com', eoriCountry: 'NL', nationality: 'NL', registrations: ['PH-CKA', 'PH-CKB', 'PH-CKC', 'PH-BVA'], flightNumbers: [801, 899], origins: ['CNSHA', 'HKHKG', 'SGSIN', 'USJFK', 'USLAX'], destinations: ['NLAMS'] }),
  airline('China Southern Airlines', 'CZ', '784', { address: { streetAndNumber: '68 Qixin Road, Baiyun District', postcode: '510403', city: 'Guangzhou', country: 'CN' }, email: 'ics2@csair-cargo.example.com', eoriCountry: 'NL', nationality: 'CN', registrations: ['B-2072', 'B-2073', 'B-20EM', 'B-222W'], flightNumbers: [431, 499], origins: ['CNCAN', 'CNSZX'], destinations: ['NLAMS', 'DEFRA', 'FRCDG'] }),
];

/** Express integrators: express filings (F30-F34). */
export const EXPRESS_CARRIERS: readonly AirCarrier[] = [
  airline('European Air Transport Leipzig GmbH', 'QY', '615', { address: { streetAndNumber: 'Hermann-Köhl-Straße 3', postcode: '04435', city: 'Schkeuditz', country: 'DE' }, email: 'ics2@dhl-eat.example.com', eoriCountry: 'DE', nationality: 'DE', registrations: ['D-AEAA', 'D-AEAB', 'D-AEAC', 'D-ALEA'], flightNumbers: [1, 899], origins: ['HKHKG', 'USCVG', 'CNSHA', 'SGSIN'], destinations: ['DELEJ'], houseWaybill: 'dhl' }),
  airline('United Parcel Service Co.', '5X', '406', { address: { streetAndNumber: '55 Glenlake Parkway NE', postcode: '30328', city: 'Atlanta', country: 'US' }, email: 'ics2@ups.example.com', eoriCountry: 'DE', nationality: 'US', registrations: ['N280UP', 'N281UP', 'N605UP', 'N614UP'], flightNumbers: [200, 299], origins: ['USSDF', 'HKHKG', 'CNSZX'], destinations: ['DECGN'], houseWaybill: 'ups' }),
  airline('Federal Express Corporation', 'FX', '023', { address: { streetAndNumber: '3610 Hacks Cross Road', postcode: '38125', city: 'Memphis', country: 'US' }, email: 'ics2@fedex.example.com', eoriCountry: 'FR', nationality: 'US', registrations: ['N851FD', 'N852FD', 'N868FD', 'N878FD'], flightNumbers: [5000, 5199], origins: ['USMEM', 'USIND', 'CNCAN'], destinations: ['FRCDG'], houseWaybill: 'fedex' }),
];

export interface ShippingLine extends CatalogueCarrier {
  readonly scac: string;
  readonly containerOwnerCodes: readonly string[];
  readonly vesselNames: readonly string[];
  readonly flags: readonly string[];
}

const shippingLine = (
  base: CatalogueCompany,
  eoriCountry: string,
  details: { scac: string; containerOwnerCodes: string[]; vesselNames: string[]; flags: string[] },
): ShippingLine => ({ ...carrier(base, eoriCountry, details.flags[0]), ...details });

export const SHIPPING_LINES: readonly ShippingLine[] = [
  shippingLine(company('A.P. Møller - Mærsk A/S', 'MAE', { streetAndNumber: 'Esplanaden 50', postcode: '1098', city: 'København K', country: 'DK' }, { phone: '+45 3363 3363', email: 'ics2@maersk.example.com' }), 'DK', { scac: 'MAEU', containerOwnerCodes: ['MSK', 'MRK', 'MAE'], vesselNames: ['MAERSK ELBA', 'MAERSK KENSINGTON', 'MARSTAL MAERSK', 'MAERSK HIDALGO'], flags: ['DK', 'SG'] }),
  shippingLine(company('Hapag-Lloyd AG', 'HLC', { streetAndNumber: 'Ballindamm 25', postcode: '20095', city: 'Hamburg', country: 'DE' }, { phone: '+49 40 3001 0', email: 'ics2@hlag.example.com' }), 'DE', { scac: 'HLCU', containerOwnerCodes: ['HLX', 'HLB', 'FAN'], vesselNames: ['BERLIN EXPRESS', 'HAMBURG EXPRESS', 'BASLE EXPRESS', 'ULSAN EXPRESS'], flags: ['DE', 'MT'] }),
  shippingLine(company('CMA CGM S.A.', 'CMA', { streetAndNumber: '4 Quai d’Arenc', postcode: '13002', city: 'Marseille', country: 'FR' }, { phone: '+33 4 88 91 90 00', email: 'ics2@cma-cgm.example.com' }), 'FR', { scac: 'CMDU', containerOwnerCodes: ['CMA', 'TGH', 'APZ'], vesselNames: ['CMA CGM TRITON', 'CMA CGM MARCO POLO', 'CMA CGM TAGE', 'CMA CGM RHONE'], flags: ['FR', 'MT'] }),
  shippingLine(company('MSC Mediterranean Shipping Company S.A.', 'MSC', { streetAndNumber: '12-14 Chemin Rieu', postcode: '1208', city: 'Genève', country: 'CH' }, { phone: '+41 22 703 8888', email: 'ics2@msc.example.com' }), 'BE', { scac: 'MSCU', containerOwnerCodes: ['MSC', 'MED', 'MSD'], vesselNames: ['MSC GULSUN', 'MSC ISABELLA', 'MSC TESSA', 'MSC AMELIA'], flags: ['PA', 'LR'] }),
];

export interface LandCarrier extends CatalogueCarrier {
  /** Registration plates (road) or train numbers (rail), as a template: `#` a digit, `@` a letter. */
  readonly meansPattern: string;
  readonly documentPrefix: string;
}

export const ROAD_CARRIERS: readonly LandCarrier[] = [
  { ...carrier(company('Boğaziçi Uluslararası Nakliyat A.Ş.', 'BUN', { streetAndNumber: 'Hadımköy Yolu Cad. No: 48', postcode: '34555', city: 'Istanbul', country: 'TR' }, { phone: '+90 212 771 3040', email: 'ics2@bogazici-nakliyat.com.tr' }), 'BG', 'TR'), meansPattern: '34 @@@ ###', documentPrefix: 'CMRTR' },
  { ...carrier(company('Dnipro Trans Logistic LLC', 'DTL', { streetAndNumber: 'vul. Naberezhna Peremohy 72', postcode: '49094', city: 'Dnipro', country: 'UA' }, { phone: '+380 56 790 2214', email: 'ics2@dniprotrans.com.ua' }), 'PL', 'UA'), meansPattern: 'AE####@@', documentPrefix: 'CMRUA' },
  { ...carrier(company('Dunav Transport d.o.o.', 'DUN', { streetAndNumber: 'Batajnički drum 23', postcode: '11080', city: 'Beograd', country: 'RS' }, { phone: '+381 11 3771 440', email: 'ics2@dunavtransport.rs' }), 'HU', 'RS'), meansPattern: 'BG###-@@', documentPrefix: 'CMRRS' },
];

/** Danube shipping from Ukraine into Romania (inland waterway, CL018 8); the means pattern is an 8-digit ENI. */
export const RIVER_CARRIERS: readonly LandCarrier[] = [
  { ...carrier(company('Izmail Danube Shipping LLC', 'IDS', { streetAndNumber: 'vul. Portova 7', postcode: '68600', city: 'Izmail', country: 'UA' }, { phone: '+380 4841 5 12 20', email: 'ics2@izmail-danube.com.ua' }), 'RO', 'UA'), meansPattern: '4#######', documentPrefix: 'IDSB' },
];

export const RAIL_CARRIERS: readonly LandCarrier[] = [
  { ...carrier(company('PKP Cargo S.A.', 'PKP', { streetAndNumber: 'ul. Grójecka 17', postcode: '02-021', city: 'Warszawa', country: 'PL' }, { phone: '+48 22 391 47 09', email: 'ics2@pkpcargo.example.pl' }), 'PL', 'PL'), meansPattern: 'X8###', documentPrefix: 'CIM' },
  { ...carrier(company('DB Cargo AG', 'DBC', { streetAndNumber: 'Rheinstraße 2', postcode: '55116', city: 'Mainz', country: 'DE' }, { phone: '+49 6131 15 0', email: 'ics2@dbcargo.example.com' }), 'DE', 'DE'), meansPattern: 'X9###', documentPrefix: 'CIM' },
];

/** UN/LOCODEs used in routes; the country is the first two letters. */
export const PLACES: Readonly<Record<string, string>> = {
  HKHKG: 'Hong Kong', CNSHA: 'Shanghai', CNPVG: 'Shanghai Pudong', CNSZX: 'Shenzhen', CNCAN: 'Guangzhou',
  CNNGB: 'Ningbo', CNYTN: 'Yantian', CNTAO: 'Qingdao', CNCKG: 'Chongqing', CNCTU: 'Chengdu', CNWUH: 'Wuhan',
  USJFK: 'New York JFK', USORD: 'Chicago O’Hare', USLAX: 'Los Angeles', USNYC: 'New York', USSAV: 'Savannah',
  USCVG: 'Cincinnati', USSDF: 'Louisville', USMEM: 'Memphis', USIND: 'Indianapolis', INBOM: 'Mumbai',
  INDEL: 'Delhi', INNSA: 'Nhava Sheva', KRSEL: 'Seoul', KRPUS: 'Busan', SGSIN: 'Singapore', VNSGN: 'Ho Chi Minh City',
  THBKK: 'Bangkok', AEDXB: 'Dubai', QADOH: 'Doha', TRIST: 'Istanbul', MYPKG: 'Port Klang', UAIEV: 'Kyiv',
  RSBEG: 'Beograd', UAIZM: 'Izmail',
  DEFRA: 'Frankfurt am Main', DELEJ: 'Leipzig', DECGN: 'Köln', DEHAM: 'Hamburg', DEDUI: 'Duisburg',
  DEMUC: 'München', NLAMS: 'Amsterdam', NLRTM: 'Rotterdam', BEBRU: 'Brussels', BELGG: 'Liège', BEANR: 'Antwerpen',
  FRCDG: 'Paris-Charles de Gaulle', FRLEH: 'Le Havre', ITMXP: 'Milano Malpensa', ITGOA: 'Genova',
  ESMAD: 'Madrid', ESVLC: 'Valencia', PLWAW: 'Warszawa', PLGDN: 'Gdańsk', GRPIR: 'Piraeus', HUBUD: 'Budapest',
  ROGAL: 'Galați', ATVIE: 'Wien',
};

/** Offices of first entry by the EU place they serve (CL141 shape; [U] the numbers, see the header). */
export const OFFICES_OF_FIRST_ENTRY: Readonly<Record<string, string>> = {
  DEFRA: 'DE004700', DELEJ: 'DE004650', DECGN: 'DE002300', DEHAM: 'DE004851', NLAMS: 'NL000396', NLRTM: 'NL000854',
  BEBRU: 'BE212000', BELGG: 'BE301000', BEANR: 'BE101000', FRCDG: 'FR001260', FRLEH: 'FR000300', ITMXP: 'IT277100',
  ITGOA: 'IT261100', ESMAD: 'ES002801', ESVLC: 'ES004601', PLWAW: 'PL141010', PLGDN: 'PL322010', GRPIR: 'GR001100',
  ROGAL: 'RO1700GL',
};

export interface SeaRoute {
  readonly loading: readonly string[];
  readonly transhipment?: string;
  readonly unloading: readonly string[];
}

export const SEA_ROUTES: readonly SeaRoute[] = [
  { loading: ['CNSHA', 'CNNGB', 'CNYTN', 'CNTAO'], transhipment: 'SGSIN', unloading: ['NLRTM', 'DEHAM', 'BEANR', 'FRLEH'] },
  { loading: ['CNSHA', 'CNYTN', 'KRPUS'], unloading: ['GRPIR', 'ITGOA', 'ESVLC'] },
  { loading: ['VNSGN', 'MYPKG', 'INNSA'], unloading: ['NLRTM', 'BEANR', 'DEHAM'] },
  { loading: ['USNYC', 'USSAV'], unloading: ['NLRTM', 'BEANR', 'FRLEH', 'DEHAM'] },
];

/** Road entries: a third-country start, the countries crossed, where the goods are unloaded, the border office. */
export const ROAD_ROUTES: readonly { loading: string; via: readonly string[]; unloading: string; office: string }[] = [
  { loading: 'TRIST', via: ['BG', 'RO', 'HU', 'AT'], unloading: 'DEMUC', office: 'BG005800' },
  { loading: 'UAIEV', via: ['PL'], unloading: 'PLWAW', office: 'PL305010' },
  { loading: 'RSBEG', via: ['HU'], unloading: 'HUBUD', office: 'HU702000' },
];

/** China-Europe rail: loading terminal in China, through KZ, RU and BY, entry at the Polish border. */
export const RAIL_ROUTES: readonly { loading: string; via: readonly string[]; unloading: string; office: string }[] = [
  { loading: 'CNCKG', via: ['KZ', 'RU', 'BY', 'PL'], unloading: 'DEDUI', office: 'PL301020' },
  { loading: 'CNCTU', via: ['KZ', 'RU', 'BY', 'PL'], unloading: 'PLWAW', office: 'PL301020' },
  { loading: 'CNWUH', via: ['KZ', 'RU', 'BY', 'PL'], unloading: 'DEHAM', office: 'PL301020' },
];

export interface CatalogueGoods {
  readonly description: string;
  /** HS 2022 subheading, 6 digits. */
  readonly hs: string;
  /** Gross mass of one package, kg. */
  readonly kgPerPackage: readonly [number, number];
  /** CL017 (UN/ECE Rec. 21): CT carton, PK package, BX box, PX pallet, BG bag, CS case. */
  readonly packageType: string;
  /** Sold to private persons online (e-commerce, postal). */
  readonly parcel: boolean;
}

const goods = (description: string, hs: string, kg: [number, number], packageType: string, parcel = false): CatalogueGoods => ({
  description,
  hs,
  kgPerPackage: kg,
  packageType,
  parcel,
});

/** A realistic spread of chapters: 61/62 apparel, 64 footwear, 85 electronics, 95 toys, 33 cosmetics, 42 bags... */
export const GOODS: readonly CatalogueGoods[] = [
  goods("Men's cotton T-shirts", '610910', [8, 15], 'CT', true),
  goods("Women's knitted pullovers of synthetic fibres", '611030', [6, 12], 'CT', true),
  goods('Babies’ cotton bodysuits', '611120', [4, 8], 'CT', true),
  goods("Men's cotton denim trousers", '620342', [10, 18], 'CT', true),
  goods("Women's polyester dresses", '620443', [5, 10], 'CT', true),
  goods('Lithium-ion power banks 10000 mAh', '850760', [8, 14], 'CT', true),
  goods('Bluetooth wireless earphones', '851830', [4, 9], 'CT', true),
  goods('USB-C phone chargers 65 W', '850440', [6, 12], 'CT', true),
  goods('Smartphones 128 GB', '851713', [5, 10], 'CT', true),
  goods('Laptop computers 14 inch', '847130', [12, 20], 'CT'),
  goods('LCD computer monitors 27 inch', '852852', [14, 22], 'CT'),
  goods('LED light bulbs E27 9 W', '853952', [6, 12], 'CT', true),
  goods('Sports shoes with textile uppers and rubber soles', '640411', [9, 16], 'CT', true),
  goods("Women's leather ankle boots", '640391', [10, 18], 'CT', true),
  goods('Plastic building block toy sets', '950300', [5, 12], 'CT', true),
  goods('Plush soft toys (teddy bears)', '950300', [3, 7], 'CT', true),
  goods('Video game consoles', '950450', [8, 15], 'CT'),
  goods('Face moisturising creams 50 ml', '330499', [5, 10], 'CT', true),
  goods('Hair shampoo in plastic bottles', '330510', [10, 18], 'CT', true),
  goods('Eau de parfum 100 ml', '330300', [4, 8], 'CT', true),
  goods("Women's leather handbags", '420221', [6, 12], 'CT', true),
  goods('Backpacks with outer surface of textile', '420292', [6, 11], 'CT', true),
  goods('Costume jewellery earrings of base metal', '711719', [1, 4], 'BX', true),
  goods('Plastic phone cases', '392690', [3, 7], 'CT', true),
  goods('Sunglasses with plastic frames', '900410', [2, 5], 'BX', true),
  goods('Wrist watches with quartz movement', '910211', [2, 5], 'BX', true),
  goods('Porcelain dinner plates', '691110', [15, 25], 'CT'),
  goods('Stainless steel cooking pots', '732393', [12, 22], 'CT'),
  goods('Upholstered wooden dining chairs', '940161', [20, 35], 'CT'),
  goods('Wall-mounted split air conditioners', '841510', [30, 55], 'CT'),
  goods('Pneumatic rubber tyres for passenger cars', '401110', [350, 600], 'PX'),
  goods('Car brake pads', '870830', [150, 400], 'PX'),
  goods('Bicycle frames of aluminium', '871491', [60, 120], 'PX'),
  goods('Dried apricots', '081310', [10, 12.5], 'CT'),
  goods('Woven cotton bed linen', '630231', [10, 16], 'CT'),
  goods('Frozen raspberries', '081120', [10, 12], 'CT'),
  goods('Refined sunflower oil in 5 l PET bottles', '151219', [18, 20], 'CT'),
  goods('Sunflower seeds for sowing', '120600', [25, 50], 'BG'),
];

/** What each consignor sells, by HS chapter (company code -> chapters); a consignor not listed sells anything. */
export const PRODUCT_LINES: Readonly<Record<string, readonly string[]>> = {
  HDE: ['85', '84'], NST: ['61', '62', '63'], YST: ['95'], GBC: ['33'], EVS: ['64'], OHW: ['69', '73', '94', '63'],
  KBT: ['85', '91', '90', '71'], SGE: ['61', '62'], TKE: ['61', '63'], PCO: ['62', '64', '42'], HVE: ['85', '84', '95'],
  ATS: ['61', '62', '63', '08'], BMP: ['40', '87', '84'], VOA: ['08', '40'], KAE: ['15', '12'], LFF: ['94'],
  BFE: ['85', '39'], SAO: ['61', '62', '42'], HKO: ['95', '61'], GBM: ['33', '71'], BOS: ['42', '64', '62'],
  PCB: ['33'], HGL: ['85', '91', '90'],
};

/** Package types of a single parcel: a package (PK), an envelope (EN) or a box (BX). */
export const PARCEL_PACKAGE_TYPES: readonly string[] = ['PK', 'PK', 'EN', 'BX'];
