#!/usr/bin/env python3
"""Generates knowledge-fixture.jsonl: the knowledge events routing-service tests publish until knowledge-service
runs (TeamChanged, ProductChanged, CategoryChanged, ArticleChanged), transformed in code from the reference data:

- UPL products delivered by municipalities: /work/shared/data/upl/UPL-actueel.csv (Logius, open government data)
- Signalen categories: /work/shared/data/signalen/categories.json (Amsterdam/signals-frontend, MPL-2.0)
- VAC questions: /work/shared/data/rijksoverheid-vac/vac-seed.csv (Rijksoverheid, CC0 1.0)

The product -> team and category -> team mapping below follows the intended split of issue #3; the keywords are
editorial synonyms (what citizens say), not source data. Regenerate: python3 generate_fixture.py [data-dir]
"""
import csv, json, re, sys, os

DATA = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'knowledge-fixture.jsonl')

TEAMS = [
    ('kcc', 'Klantcontactcentrum', 'FIRST_LINE'),
    ('omgeving', 'Ketenteam Omgeving', 'CHAIN_TEAM'),
    ('sociaal-domein', 'Ketenteam Sociaal Domein', 'CHAIN_TEAM'),
    ('belastingen', 'Ketenteam Belastingen', 'CHAIN_TEAM'),
    ('veiligheid', 'Ketenteam Veiligheid', 'CHAIN_TEAM'),
    ('openbare-ruimte', 'Beheer Openbare Ruimte', 'BACK_OFFICE'),
    ('burgerzaken', 'Burgerzaken (complex)', 'BACK_OFFICE'),
    ('juridische-zaken', 'Juridische Zaken', 'BACK_OFFICE'),
    ('ruimtelijke-ontwikkeling', 'Ruimtelijke Ontwikkeling', 'BACK_OFFICE'),
]

# first match wins
PRODUCT_RULES = [
    (r'gehandicaptenparkeer', 'sociaal-domein'),
    (r'belasting|(?<!ont)heffing|\bozb\b|woz|kwijtschelding|precario|reinigingsrecht|baatbelasting|biz-bijdrage|marktgelden|automatische incasso|leges', 'belastingen'),
    (r'bezwaar|^beroep$|aansprakelijkstelling|^klacht$|overheidsinformatie|verzoekschrift|rechtshulp', 'juridische-zaken'),
    (r'bestemmingsplan|grond|planschade|voorkeursrecht|voorbereidingsbesluit|bedrijfsterrein|erfpacht|onroerendezaak huur|groenstroken|ontgronding', 'ruimtelijke-ontwikkeling'),
    (r'omgevingsvergunning|monument|bouwplan|vooroverleg|sloop|asbest|bodem|gebruiksmelding|brandveilig|rioolaansluiting|olietank|bouwstoffen|puinbreker|voltooiingsverklaring|bouwwerk', 'omgeving'),
    (r'naturalisatie|naamswijziging|achternaamwijziging|voornaamwijziging|naamgebruik|naamskeuze|adresonderzoek|legalisatie|nederlanderschap|nationaliteit|geslachtswijziging|erkenning kind|adoptie|vaderschap|rni|brp-geheimhouding|brp-wijziging|rectificatie|persoonsgegevens verklaring|attestatie|molukkers', 'burgerzaken'),
    (r'ontheffing|overlast|handhaving|evenement|vuurwerk|carbid|horeca|alcohol|tap|exploitatie|kansspel|speelautoma|seksbedrijf|huisverbod|gebiedsverbod|demonstratie|collecte|geluidsontheffing|parkeer|opkopers|nachtregister|integriteit|standplaats|markt|vent|terras|straatartiest|stookontheffing|calamiteit|ramp|crisismaatregel|inbewaringstelling|festiviteit|snuffelmarkt|gedoog', 'veiligheid'),
    (r'afval|grofvuil|container|compost|bladkorf|melding openbare ruimte|onderhoud infrastructuur|rioolonderhoud|ongedierte|onkruid|gladheid|straatverlichting|speelvoorziening|laadpaal|gehandicaptenparkeerplaats|gezelschapsdieren|overheidseigendom|kabels|verkeers|straatnaam|huisnummer|volkstuin|meldpunt algemeen|antireclamesticker|objectvergunning', 'openbare-ruimte'),
    (r'wmo|jeugd|bijstand|participatie|schuld|leerlingenvervoer|huishoudelijk|thuiszorg|rolstoel|scootmobiel|hulpmiddel|mantelzorg|dagbesteding|dagverzorging|re-integratie|(?<!aow-)(?<!anw-)(?<!wajong-)(?<!wia-)uitkering|(?<!huur)(?<!zorg)(?<!kinderopvang)toeslag|persoonsgebonden|voedselbank|stadspas|crisisopvang|maatschappelijk|regiotaxi|valys|taxivergoeding|medisch vervoer|tillift|loophulp|meubelaanpassing|auto-aanpassing|personenalarmering|maaltijd|boodschappen|opvoeding|leerplicht|verslaving|oggz|palliatieve|logeerhuis|inburgering|begeleid|beschut werk|sociale werkvoorziening|loonkosten|loonsuppletie|ioaw|ioaz|dyslexie|onverwijlde|blindengeleidehond|hoorhulp|woningaanpassing|traplopen|urgentie|sollicitatieplicht|opleidingsvergoeding|schoolverlater|ov-begeleiderskaart|reiskostenvergoeding|tegenprestatie|gehandicaptenparkeerkaart', 'sociaal-domein'),
]

KEYWORDS = {
    'omgevingsvergunning kap': ['kapvergunning', 'boom kappen', 'bomen kappen', 'boom omzagen'],
    'omgevingsvergunning bouw': ['bouwvergunning', 'verbouwing', 'dakkapel', 'aanbouw', 'uitbouw', 'schuur bouwen'],
    'omgevingsvergunning sloop': ['sloopvergunning', 'slopen', 'sloopmelding'],
    'omgevingsvergunning uitweg': ['uitrit', 'inrit', 'oprit'],
    'bijstand': ['bijstandsuitkering', 'participatiewet', 'geen inkomen', 'uitkering aanvragen'],
    'schuldhulpverlening': ['schulden', 'betalingsachterstand', 'rekeningen niet betalen', 'budgetcoach'],
    'onroerendezaakbelasting (ozb)': ['woz', 'woz-waarde', 'woz-beschikking', 'aanslag gemeentelijke belastingen'],
    'belastingkwijtschelding': ['kwijtschelding', 'gemeentelijke belastingen niet kunnen betalen'],
    'afvalstoffenheffing': ['afvalheffing', 'afvalbelasting'],
    'huishoudelijke hulp': ['wmo', 'schoonmaakhulp', 'hulp in huis'],
    'jeugdhulp': ['jeugdzorg', 'hulp voor mijn kind', 'opvoedproblemen'],
    'rolstoel en scootmobiel': ['wmo', 'scootmobiel', 'rolstoel'],
    'bezwaar': ['bezwaarschrift', 'niet eens met besluit', 'bezwaar maken'],
    'klacht': ['klacht over medewerker', 'ontevreden over behandeling', 'klacht indienen'],
    'aansprakelijkstelling overheid': ['schade', 'schadeclaim', 'gevallen', 'schadevergoeding'],
    'verstrekking overheidsinformatie': ['woo-verzoek', 'wob-verzoek', 'openbaarmaking', 'wet open overheid'],
    'bestemmingsplan inzage': ['omgevingsplan', 'bestemming', 'wijziging bestemmingsplan'],
    'groenstroken en restgronden kopen of huren': ['grond kopen', 'snippergroen', 'stuk grond'],
    'naturalisatieverzoek': ['nederlander worden', 'nederlandse nationaliteit'],
    'achternaamwijziging': ['naamswijziging', 'naam veranderen', 'achternaam wijzigen'],
    'adresonderzoek': ['ingeschreven op mijn adres', 'onbekende ingeschreven', 'woont hier niet'],
    'belastingaanslag bezwaar': ['bezwaar woz', 'woz-waarde te hoog', 'bezwaar woz-beschikking', 'bezwaar ozb'],
    'brp-geheimhoudingsverzoek': ['geheimhouding persoonsgegevens', 'adres geheim', 'gegevens geheim houden', 'gegevens niet verstrekken', 'gegevens afschermen'],
    'erfpacht': ['erfpachtcanon', 'canon', 'erfpacht afkopen', 'tijdvak', 'grond'],
    'legalisatie document': ['buitenlandse akte', 'buitenlandse huwelijksakte', 'buitenlandse geboorteakte', 'apostille', 'legaliseren', 'gelegaliseerd'],
    'brp-wijzigingsverzoek': ['gegevens corrigeren', 'fout in de brp', 'correctie persoonsgegevens', 'verkeerde gegevens'],
    'bedrijfsterrein huren of kopen': ['bedrijventerrein', 'kavel', 'bedrijfskavel'],
    'evenementenvergunning': ['evenement', 'festival', 'buurtfeest', 'straatfeest'],
    'melding openbare ruimte (straatverlichting)': ['lantaarnpaal', 'straatlantaarn', 'lamp'],
    'melding openbare ruimte (algemeen)': ['stoeptegel', 'losse tegels', 'kuil in de weg'],
    'afvalinzameling grofvuil': ['grofvuil ophalen', 'bankstel', 'matras', 'grof afval'],
    'ongediertebestrijding': ['ratten', 'muizen', 'kakkerlakken', 'ongedierte'],
    'handhavingsverzoek': ['handhaving', 'illegale bouw', 'overtreding', 'zonder vergunning'],
    'parkeervergunning': ['parkeren', 'bewonersvergunning'],
    'paspoort': ['reisdocument', 'paspoort aanvragen'],
    'identiteitskaart': ['id-kaart', 'identiteitsbewijs'],
    'verhuismelding': ['verhuizing doorgeven', 'verhuizen', 'adreswijziging'],
    'rijbewijs': ['rijbewijs verlengen'],
    'brp-uittreksel': ['uittreksel', 'uittreksel basisregistratie personen'],
    'huwelijksaangifte': ['trouwen', 'huwelijk', 'ondertrouw'],
    'geboorteaangifte': ['geboorte', 'baby aangeven'],
    'overlijdensaangifte': ['overlijden', 'overleden'],
    'gevonden of verloren voorwerp': ['gevonden voorwerp', 'verloren', 'kwijtgeraakt'],
}

def slug(uri):
    return uri.rsplit('/', 1)[-1]

def product_team(name):
    n = name.lower()
    for pattern, team in PRODUCT_RULES:
        if re.search(pattern, n):
            return team
    return 'kcc'  # information products and simple civil affairs: the first line (front office) handles them

def term(kind, team):
    if kind == 'melding':
        return {'days': 5, 'unit': 'WORKING_DAYS'}
    if team == 'belastingen':
        return {'days': 42, 'unit': 'CALENDAR_DAYS'}
    return {'days': 56, 'unit': 'CALENDAR_DAYS'}

events = []
for tid, name, tier in TEAMS:
    events.append(('knowledge.teams', tid, 'nl.loket.knowledge.team-changed.v1',
                   {'id': tid, 'name': name, 'tier': tier}))

seen = set()
with open(os.path.join(DATA, 'upl', 'UPL-actueel.csv'), encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['Gemeente'] != 'X' or row['URI'] in seen or 'nog niet beschikbaar' in row['UniformeProductnaam']:
            continue
        seen.add(row['URI'])
        name = row['UniformeProductnaam']
        kind = next((k.lower() for k in ('Aanvraag', 'Melding', 'Verplichting', 'Subsidie') if row[k] == 'X'), None)
        team = product_team(name)
        p = {'uri': row['URI'], 'name': name, 'teamId': team, 'handlingTerm': term(kind, team)}
        if kind:
            p['kind'] = kind
        if row.get('Grondslaglabel'):
            p['legalBasis'] = row['Grondslaglabel'][:1000]
        if name in KEYWORDS:
            p['keywords'] = KEYWORDS[name]
        events.append(('knowledge.products', row['URI'], 'nl.loket.knowledge.product-changed.v1', p))

CATEGORY_TEAM = {
    'afval': 'openbare-ruimte', 'civiele-constructies': 'openbare-ruimte', 'openbaar-groen-en-water': 'openbare-ruimte',
    'wegen-verkeer-straatmeubilair': 'openbare-ruimte', 'schoon': 'openbare-ruimte', 'overlast-van-dieren': 'openbare-ruimte',
    'overlast-bedrijven-en-horeca': 'veiligheid', 'overlast-van-en-door-personen-of-groepen': 'veiligheid',
    'ondermijning': 'veiligheid', 'overlast-op-het-water': 'veiligheid', 'overlast-in-de-openbare-ruimte': 'veiligheid',
    'wonen': 'veiligheid', 'overig': 'kcc',
}
CATEGORY_OVERRIDE = {  # sub slug -> team
    'auto-scooter-bromfietswrak': 'openbare-ruimte', 'fietswrak': 'openbare-ruimte', 'hondenpoep': 'openbare-ruimte',
    'overlast-op-het-water-gezonken-boot': 'openbare-ruimte', 'woningkwaliteit': 'omgeving',
    'boom-illegale-kap': 'omgeving', 'verkeersoverlast': 'openbare-ruimte', 'wegsleep': 'veiligheid',
}
with open(os.path.join(DATA, 'signalen', 'categories.json'), encoding='utf-8') as f:
    cats = json.load(f)['results']
for c in cats:
    parent_link = c.get('_links', {}).get('sia:parent')
    parent = parent_link['public'].rstrip('/').rsplit('/', 1)[-1] if isinstance(parent_link, dict) and parent_link.get('public') else None
    main = parent or c['slug']
    cid = f"{parent}/{c['slug']}" if parent else c['slug']
    team = CATEGORY_OVERRIDE.get(c['slug']) if parent else None
    team = team or CATEGORY_TEAM.get(main, 'openbare-ruimte')
    cat = {'id': cid, 'name': c['name'], 'teamId': team}
    if parent:
        cat['parentId'] = parent
    desc = (c.get('description') or '').strip()
    if desc and desc.lower() not in ('dit is een tekst',) and 'verhaal van de brug' not in desc:
        cat['description'] = desc[:4000]
    sla = c.get('sla') or {}
    if sla.get('n_days'):
        cat['handlingTerm'] = {'days': min(365, int(sla['n_days'])),
                               'unit': 'CALENDAR_DAYS' if sla.get('use_calendar_days') else 'WORKING_DAYS'}
    events.append(('knowledge.categories', cid, 'nl.loket.knowledge.category-changed.v1', cat))

with open(os.path.join(DATA, 'rijksoverheid-vac', 'vac-seed.csv'), encoding='utf-8') as f:
    for row in csv.DictReader(f):
        a = {'id': row['id'], 'question': row['question'][:2000], 'answer': row['reference_answer'][:20000] or '-',
             'subjects': [s for s in row['subjects'].split('|') if s], 'source': 'rijksoverheid.nl (CC0 1.0)'}
        events.append(('knowledge.articles', row['id'], 'nl.loket.knowledge.article-changed.v1', a))

with open(OUT, 'w', encoding='utf-8') as out:
    out.write('')
    for topic, key, typ, value in events:
        out.write(json.dumps({'topic': topic, 'key': key, 'type': typ, 'value': value}, ensure_ascii=False) + '\n')
print(f'{len(events)} events -> {OUT}')
