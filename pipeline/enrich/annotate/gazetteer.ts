// General world knowledge for telling places from people and organisations: countries, capitals,
// continents and large regions, common short forms, and demonyms. Not tied to any story.

const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|
Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|
Chad|Chile|China|Colombia|Comoros|Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|
Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|
Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|
Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|
Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Gaza|West Bank|Crimea|
Greenland|Hong Kong|Macau|Puerto Rico|Scotland|Wales|England|Northern Ireland|Catalonia|Kurdistan|Tibet|Xinjiang`;

const CAPITALS = `Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Nassau|Manama|Dhaka|Minsk|
Brussels|Belmopan|Porto-Novo|Thimphu|La Paz|Sarajevo|Gaborone|Brasilia|Brasília|Sofia|Ouagadougou|Gitega|Phnom Penh|
Yaounde|Ottawa|Bangui|N'Djamena|Santiago|Beijing|Bogota|Bogotá|Kinshasa|Brazzaville|San Jose|Zagreb|Havana|Nicosia|
Prague|Copenhagen|Santo Domingo|Quito|Cairo|San Salvador|Asmara|Tallinn|Addis Ababa|Suva|Helsinki|Paris|Libreville|
Banjul|Tbilisi|Berlin|Accra|Athens|Guatemala City|Conakry|Georgetown|Port-au-Prince|Tegucigalpa|Budapest|Reykjavik|
New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Kingston|Tokyo|Amman|Astana|Nairobi|Pristina|
Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|Vilnius|Antananarivo|Lilongwe|Kuala Lumpur|Bamako|
Valletta|Nouakchott|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Windhoek|Kathmandu|Amsterdam|
The Hague|Wellington|Managua|Niamey|Abuja|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Panama City|Port Moresby|Asuncion|
Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Mogadishu|
Pretoria|Cape Town|Seoul|Juba|Madrid|Colombo|Khartoum|Paramaribo|Stockholm|Bern|Geneva|Damascus|Taipei|Dushanbe|
Dodoma|Bangkok|Lome|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Abu Dhabi|Dubai|London|Washington|Montevideo|
Tashkent|Caracas|Hanoi|Sanaa|Lusaka|Harare|New York|Los Angeles|Chicago|San Francisco|Shanghai|Mumbai|Frankfurt|
Hamburg|Munich|Milan|Barcelona|Sydney|Melbourne|Toronto|Montreal|Vancouver|Singapore|Davos|Strasbourg|Luxembourg|
Saint Petersburg|St Petersburg|Lagos|Johannesburg|Karachi|Lahore|Osaka|Hong Kong|Shenzhen|Sao Paulo|São Paulo|Rio de Janeiro`;

const REGIONS = `Europe|Asia|Africa|North America|South America|Latin America|Central America|Antarctica|Oceania|
Australasia|Middle East|Near East|Far East|Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|
Central Asia|South Asia|Southeast Asia|East Asia|North Africa|West Africa|East Africa|Southern Africa|Sub-Saharan Africa|
Sahel|Balkans|Baltics|Caucasus|Scandinavia|Caribbean|Mediterranean|Arctic|Pacific|Atlantic|Indian Ocean|Black Sea|
Red Sea|Baltic Sea|South China Sea|Persian Gulf|Gulf|Horn of Africa|Indo-Pacific|Donbas|Donbass|Kashmir|Siberia|
Levant|Maghreb|Eurasia|Americas|Midwest|Silicon Valley|Wall Street|Sinai|Golan Heights`;

/** Short and variant forms that name the same place. */
const PLACE_ALIASES: Readonly<Record<string, string>> = {
  US: 'United States', 'U.S.': 'United States', USA: 'United States', 'U.S.A.': 'United States',
  America: 'United States', 'United States of America': 'United States',
  UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom', 'Great Britain': 'United Kingdom',
  UAE: 'United Arab Emirates', DRC: 'Democratic Republic of the Congo', PRC: 'China',
  'Russian Federation': 'Russia', Kiev: 'Kyiv', 'Czech Republic': 'Czechia', Holland: 'Netherlands',
  'St Petersburg': 'Saint Petersburg', Burma: 'Myanmar', 'Republic of Korea': 'South Korea',
};

/** Adjectives and plural nouns of nationality: a modifier ("Russian advances"), not an actor by itself. */
const DEMONYMS = `American|Americans|British|Briton|Britons|English|Scottish|Welsh|Irish|French|German|Germans|Italian|
Italians|Spanish|Spaniard|Spaniards|Portuguese|Dutch|Belgian|Belgians|Swiss|Austrian|Austrians|Polish|Pole|Poles|Czech|
Czechs|Slovak|Hungarian|Hungarians|Romanian|Romanians|Bulgarian|Greek|Greeks|Turkish|Turk|Turks|Russian|Russians|
Ukrainian|Ukrainians|Belarusian|Belarusians|Georgian|Armenian|Azerbaijani|Azeri|Kazakh|Uzbek|Chinese|Japanese|Korean|
Koreans|Taiwanese|Vietnamese|Thai|Indonesian|Malaysian|Filipino|Filipinos|Indian|Indians|Pakistani|Pakistanis|
Bangladeshi|Afghan|Afghans|Iranian|Iranians|Iraqi|Iraqis|Syrian|Syrians|Lebanese|Israeli|Israelis|Palestinian|
Palestinians|Jordanian|Saudi|Saudis|Emirati|Qatari|Yemeni|Egyptian|Egyptians|Libyan|Tunisian|Algerian|Moroccan|
Sudanese|Ethiopian|Kenyan|Nigerian|Nigerians|Ghanaian|South African|Canadian|Canadians|Mexican|Mexicans|Brazilian|
Brazilians|Argentine|Argentinian|Chilean|Colombian|Venezuelan|Venezuelans|Cuban|Cubans|Peruvian|Australian|
Australians|European|Europeans|Asian|Asians|African|Africans|Western|Eastern|Northern|Southern|Arab|Arabs|Kurdish|
Kurds|Swedish|Swede|Swedes|Norwegian|Danish|Finnish|Finn|Finns|Estonian|Latvian|Lithuanian|Serbian|Serb|Serbs|
Croatian|Croat|Croats|Bosnian|Albanian|Slovenian|Moldovan|Icelandic|Scandinavian|Baltic|Balkan|Caucasian|Soviet|
Transatlantic|Atlantic|Pacific|Mediterranean|Nordic|Latin|Persian|Ottoman|Gulf|Kremlin-backed|Pro-Russian`;

/**
 * Nationality words by the place they belong to: "Russian advances" and "Russians" speak of Russia.
 * Only unambiguous ones: "Korean" (North or South?), "Arab", "Western" or "Gulf" name no one place.
 */
const NATIONALITIES: Readonly<Record<string, string>> = {
  'United States': 'American|Americans', 'United Kingdom': 'British|Briton|Britons', England: 'English',
  Scotland: 'Scottish|Scot|Scots', Wales: 'Welsh', Ireland: 'Irish', France: 'French', Germany: 'German|Germans',
  Italy: 'Italian|Italians', Spain: 'Spanish|Spaniard|Spaniards', Portugal: 'Portuguese', Netherlands: 'Dutch',
  Belgium: 'Belgian|Belgians', Switzerland: 'Swiss', Austria: 'Austrian|Austrians', Poland: 'Polish|Pole|Poles',
  Czechia: 'Czech|Czechs', Slovakia: 'Slovak|Slovaks', Hungary: 'Hungarian|Hungarians', Romania: 'Romanian|Romanians',
  Bulgaria: 'Bulgarian|Bulgarians', Greece: 'Greek|Greeks', Turkey: 'Turkish|Turk|Turks', Russia: 'Russian|Russians',
  Ukraine: 'Ukrainian|Ukrainians', Belarus: 'Belarusian|Belarusians', Georgia: 'Georgian|Georgians', Armenia: 'Armenian|Armenians',
  Azerbaijan: 'Azerbaijani|Azerbaijanis|Azeri|Azeris', Kazakhstan: 'Kazakh|Kazakhs', Uzbekistan: 'Uzbek|Uzbeks',
  China: 'Chinese', Japan: 'Japanese', Taiwan: 'Taiwanese', Vietnam: 'Vietnamese', Thailand: 'Thai', Indonesia: 'Indonesian|Indonesians',
  Malaysia: 'Malaysian|Malaysians', Philippines: 'Filipino|Filipinos', India: 'Indian|Indians', Pakistan: 'Pakistani|Pakistanis',
  Bangladesh: 'Bangladeshi|Bangladeshis', Afghanistan: 'Afghan|Afghans', Iran: 'Iranian|Iranians', Iraq: 'Iraqi|Iraqis',
  Syria: 'Syrian|Syrians', Lebanon: 'Lebanese', Israel: 'Israeli|Israelis', Palestine: 'Palestinian|Palestinians',
  Jordan: 'Jordanian|Jordanians', 'Saudi Arabia': 'Saudi|Saudis', 'United Arab Emirates': 'Emirati|Emiratis', Qatar: 'Qatari|Qataris',
  Yemen: 'Yemeni|Yemenis', Egypt: 'Egyptian|Egyptians', Libya: 'Libyan|Libyans', Tunisia: 'Tunisian|Tunisians',
  Algeria: 'Algerian|Algerians', Morocco: 'Moroccan|Moroccans', Sudan: 'Sudanese', Ethiopia: 'Ethiopian|Ethiopians',
  Kenya: 'Kenyan|Kenyans', Nigeria: 'Nigerian|Nigerians', Ghana: 'Ghanaian|Ghanaians', 'South Africa': 'South African|South Africans',
  Canada: 'Canadian|Canadians', Mexico: 'Mexican|Mexicans', Brazil: 'Brazilian|Brazilians', Argentina: 'Argentine|Argentinian|Argentinians',
  Chile: 'Chilean|Chileans', Colombia: 'Colombian|Colombians', Venezuela: 'Venezuelan|Venezuelans', Cuba: 'Cuban|Cubans',
  Peru: 'Peruvian|Peruvians', Australia: 'Australian|Australians', 'New Zealand': 'New Zealander|New Zealanders',
  Sweden: 'Swedish|Swede|Swedes', Norway: 'Norwegian|Norwegians', Denmark: 'Danish|Dane|Danes', Finland: 'Finnish|Finn|Finns',
  Iceland: 'Icelandic|Icelanders', Estonia: 'Estonian|Estonians', Latvia: 'Latvian|Latvians', Lithuania: 'Lithuanian|Lithuanians',
  Serbia: 'Serbian|Serb|Serbs', Croatia: 'Croatian|Croat|Croats', Bosnia: 'Bosnian|Bosnians', Albania: 'Albanian|Albanians',
  Slovenia: 'Slovenian|Slovenians', Moldova: 'Moldovan|Moldovans', Europe: 'European|Europeans', Africa: 'African|Africans',
  Asia: 'Asian|Asians',
};

function splitList(list: string): string[] {
  return list
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

const PLACES = new Map<string, string>();
for (const name of [...splitList(COUNTRIES), ...splitList(CAPITALS), ...splitList(REGIONS)]) {
  PLACES.set(name.toLowerCase(), name);
}
for (const [alias, name] of Object.entries(PLACE_ALIASES)) PLACES.set(alias.toLowerCase(), name);

const DEMONYM_SET = new Set(splitList(DEMONYMS).map((s) => s.toLowerCase()));

const PLACE_OF_NATIONALITY = new Map<string, string>();
for (const [place, words] of Object.entries(NATIONALITIES)) {
  for (const word of splitList(words)) {
    PLACE_OF_NATIONALITY.set(word.toLowerCase(), place);
    DEMONYM_SET.add(word.toLowerCase());
  }
}

/** The place a nationality word speaks of ("Russian" → Russia, "Russian-occupied" → Russia), or null. */
export function placeOfNationality(word: string): string | null {
  const lower = word.toLowerCase();
  // "Russian-occupied", "Iranian-backed": the nationality leads a compound adjective; "pro-Russian" names no actor.
  return PLACE_OF_NATIONALITY.get(lower) ?? PLACE_OF_NATIONALITY.get(/^([\p{L} ]+)-\p{Ll}+$/u.exec(lower)?.[1] ?? '') ?? null;
}

/** The canonical name of a known place ("U.S." → "United States"), or null. */
export function placeName(phrase: string): string | null {
  return PLACES.get(phrase.toLowerCase()) ?? null;
}

/** True when the word names a nationality ("Russian", "Europeans", "Franco-German"). */
export function isDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  if (DEMONYM_SET.has(lower)) return true;
  // Compounds of demonyms ("Franco-German", "Sino-Russian") and "pro-"/"anti-" forms.
  const parts = lower.split('-');
  return parts.length > 1 && DEMONYM_SET.has(parts[parts.length - 1] ?? '');
}
