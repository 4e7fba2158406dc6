#!/usr/bin/env python3
"""Builds dev-set.csv (text,channel,expected_team,provenance) for routing-service's evaluation.

- vac:<id>            a real question of the Rijksoverheid VAC set (CC0), a generic information question -> kcc
- signalen:<slug>     a real Signalen category name or description (MPL-2.0) as a report -> the category's team
- authored:case       a realistic case-specific phrasing written for this set (own case, report, objection ...)
- authored:info       a realistic generic information question written for this set -> kcc
- authored:status     a status question about an own case whose status routing does not know -> handling team
Regenerate: python3 build_dev_set.py [data-dir]
"""
import csv, json, os, sys, random

DATA = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
HERE = os.path.dirname(os.path.abspath(__file__))
rows = []

VAC_SKIP = {'Levensgebeurtenissen familie', 'Veelgestelde vragen over werken op een stembureau'}
with open(os.path.join(DATA, 'rijksoverheid-vac', 'vac-seed.csv'), encoding='utf-8') as f:
    vac = [r for r in csv.DictReader(f) if r['question'] not in VAC_SKIP]
random.Random(4).shuffle(vac)
channels = ['WEB_FORM', 'EMAIL', 'PHONE', 'CHAT', 'COUNTER']
for i, r in enumerate(vac[:45]):
    rows.append((r['question'], channels[i % len(channels)], 'kcc', 'vac:' + r['id']))

SIGNALEN = {  # slug -> expected team (the category mapping of issue #3: public space -> openbare-ruimte, nuisance -> veiligheid)
    'prullenbak-vol': 'openbare-ruimte', 'veegzwerfvuil': 'openbare-ruimte', 'put-riolering-verstopt': 'openbare-ruimte',
    'lantaarnpaal-straatverlichting': 'openbare-ruimte', 'verkeerslicht': 'openbare-ruimte', 'snoeien': 'openbare-ruimte',
    'onkruid-verharding': 'openbare-ruimte', 'wespen': 'openbare-ruimte', 'ratten-in-en-rond-woning': 'openbare-ruimte',
    'grofvuil': 'openbare-ruimte', 'bruin-en-witgoed': 'openbare-ruimte', 'speelplaats': 'openbare-ruimte',
    'onderhoud-stoep-straat-en-fietspad': 'openbare-ruimte', 'boom-noodkap': 'openbare-ruimte', 'uitwerpselen': 'openbare-ruimte',
    'overlast-door-afsteken-vuurwerk': 'veiligheid', 'overlast-terrassen': 'veiligheid', 'stankoverlast': 'veiligheid',
    'wildplassen-poepen-overgeven': 'veiligheid', 'overige-overlast-door-personen': 'veiligheid', 'daklozen-bedelen': 'veiligheid',
    'overlast-door-bezoekers-niet-op-terras': 'veiligheid', 'overlast-op-het-water-vaargedrag': 'veiligheid',
    'vakantieverhuur': 'veiligheid', 'woningdelen-spookburgers': 'veiligheid', 'parkeeroverlast': 'veiligheid',
}
with open(os.path.join(DATA, 'signalen', 'categories.json'), encoding='utf-8') as f:
    cats = {c['slug']: c for c in json.load(f)['results']}
for i, (slug, team) in enumerate(SIGNALEN.items()):
    c = cats[slug]
    desc = (c.get('description') or '').strip()
    text = desc if desc and len(desc) > 25 and 'tekst' not in desc else c['name']
    rows.append((text, ['WEB_FORM', 'PHONE', 'EMAIL'][i % 3], team, 'signalen:' + slug))

AUTHORED = [
    # omgeving (own application, permit, building)
    ('Ik wil een dakkapel plaatsen op mijn woning aan de achterkant. Kunnen jullie mijn bouwtekening beoordelen?', 'EMAIL', 'omgeving', 'case'),
    ('Wij willen de boom in onze achtertuin kappen omdat de wortels de fundering beschadigen. Wij willen hiervoor een vergunning aanvragen.', 'WEB_FORM', 'omgeving', 'case'),
    ('Ik heb drie maanden geleden een omgevingsvergunning aangevraagd voor een uitbouw en nog niets gehoord.', 'PHONE', 'omgeving', 'status'),
    ('Mijn buurman is zonder vergunning een schuur van 4 meter hoog aan het bouwen pal naast mijn erfgrens.', 'EMAIL', 'veiligheid', 'case'),
    ('Ik wil een uitrit maken naar mijn oprit, de stoeprand moet verlaagd worden. Hoe regel ik de vergunning voor mijn huis?', 'WEB_FORM', 'omgeving', 'case'),
    ('Bij de sloop van onze oude garage kwam asbest vrij, wij willen dit melden en de sloop aanvragen.', 'EMAIL', 'omgeving', 'case'),
    ('Mijn aanvraag voor de verbouwing van ons monumentale pand is aangehouden, ik wil graag weten welke stukken nog ontbreken in mijn dossier.', 'EMAIL', 'omgeving', 'case'),
    ('We willen zonnepanelen op het dak van ons monument leggen en hebben daar een vergunning voor nodig.', 'WEB_FORM', 'omgeving', 'case'),
    ('Ik heb een bouwvergunning aangevraagd voor een aanbouw, wanneer krijg ik een besluit?', 'CHAT', 'omgeving', 'status'),
    ('Wij hebben een olietank in de tuin gevonden bij het graven en willen die laten verwijderen.', 'PHONE', 'omgeving', 'case'),
    # sociaal-domein
    ('Ik ben mijn baan kwijt en heb geen inkomen meer. Ik wil een bijstandsuitkering aanvragen.', 'PHONE', 'sociaal-domein', 'case'),
    ('Mijn moeder van 84 kan niet meer zelf het huis schoonmaken, wij willen huishoudelijke hulp via de Wmo aanvragen.', 'EMAIL', 'sociaal-domein', 'case'),
    ('Ik zit diep in de schulden en kan de huur en de energierekening niet meer betalen. Ik heb hulp nodig.', 'PHONE', 'sociaal-domein', 'case'),
    ('Mijn zoon heeft autisme en kan niet met het openbaar vervoer naar school. Wij willen leerlingenvervoer aanvragen.', 'WEB_FORM', 'sociaal-domein', 'case'),
    ('Mijn uitkering is deze maand niet overgemaakt, ik heb geen geld voor boodschappen.', 'PHONE', 'sociaal-domein', 'case'),
    ('Ik heb een scootmobiel aangevraagd via de Wmo maar het duurt nu al acht weken. Hoe staat het met mijn aanvraag?', 'EMAIL', 'sociaal-domein', 'status'),
    ('Onze dochter heeft dringend jeugdhulp nodig, de wachtlijst bij de huidige instantie is te lang.', 'EMAIL', 'sociaal-domein', 'case'),
    ('Ik zorg fulltime voor mijn zieke man en ik loop op mijn tandvlees. Welke ondersteuning is er voor mij als mantelzorger in mijn situatie?', 'CHAT', 'sociaal-domein', 'case'),
    ('Sinds mijn scheiding heb ik een laag inkomen en ik wil bijzondere bijstand aanvragen voor een nieuwe wasmachine.', 'WEB_FORM', 'sociaal-domein', 'case'),
    ('Ik heb een brief gekregen dat ik bijstand moet terugbetalen, maar ik begrijp niet waarom.', 'LETTER', 'sociaal-domein', 'case'),
    ('Mijn vader heeft een traplift nodig, hij kan de trap niet meer op. Wij willen een woningaanpassing aanvragen.', 'PHONE', 'sociaal-domein', 'case'),
    ('Ik wil graag een afspraak met iemand van schuldhulpverlening, mijn schulden lopen op.', 'PHONE', 'sociaal-domein', 'case'),
    # belastingen
    ('Mijn WOZ-waarde is veel te hoog vastgesteld, de woning van de buren is groter en heeft een lagere waarde.', 'WEB_FORM', 'belastingen', 'case'),
    ('Ik heb een aanslag afvalstoffenheffing ontvangen voor een meerpersoonshuishouden maar ik woon alleen.', 'EMAIL', 'belastingen', 'case'),
    ('Ik kan mijn aanslag gemeentelijke belastingen niet betalen, ik heb een laag inkomen. Ik wil kwijtschelding aanvragen.', 'PHONE', 'belastingen', 'case'),
    ('Ik wil een betalingsregeling voor mijn aanslag onroerendezaakbelasting, het bedrag is te hoog om in een keer te betalen.', 'EMAIL', 'belastingen', 'case'),
    ('Ik heb mijn hond vorig jaar laten inslapen maar krijg nog steeds een aanslag hondenbelasting.', 'EMAIL', 'belastingen', 'case'),
    ('Er wordt twee keer rioolheffing afgeschreven van mijn rekening voor dezelfde aanslag.', 'PHONE', 'belastingen', 'case'),
    ('Ik heb kwijtschelding aangevraagd voor mijn gemeentelijke belastingen maar nog geen besluit ontvangen.', 'PHONE', 'belastingen', 'status'),
    ('Als verhuurder van een vakantiewoning wil ik de toeristenbelasting over vorig jaar aangeven, mijn aanslag klopt niet.', 'EMAIL', 'belastingen', 'case'),
    ('De automatische incasso voor mijn gemeentelijke belastingen is gestopt, ik wil een nieuwe machtiging afgeven.', 'WEB_FORM', 'belastingen', 'case'),
    # veiligheid
    ('Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.', 'PHONE', 'veiligheid', 'case'),
    ('Bij het café op de hoek staan elke avond luidruchtige bezoekers op straat te schreeuwen.', 'EMAIL', 'veiligheid', 'case'),
    ('Er wordt al weken vuurwerk afgestoken door jongeren bij het speelveld achter ons huis.', 'WEB_FORM', 'veiligheid', 'case'),
    ('Wij willen in juni een straatfeest organiseren en de straat afsluiten. Wij willen de evenementenvergunning aanvragen.', 'WEB_FORM', 'veiligheid', 'case'),
    ('Een groep hangjongeren intimideert voorbijgangers bij het winkelcentrum en er wordt gedeald.', 'PHONE', 'veiligheid', 'case'),
    ('Er staat al een week een bus geparkeerd op het invalidenparkeerplaats voor mijn deur.', 'PHONE', 'veiligheid', 'case'),
    ('In de woning naast mij wonen steeds wisselende mensen, ik vermoed illegale kamerverhuur of een hennepkwekerij.', 'EMAIL', 'veiligheid', 'case'),
    ('Het restaurant in onze straat heeft het terras veel groter gemaakt dan toegestaan en er is veel geluidsoverlast.', 'EMAIL', 'veiligheid', 'case'),
    ('De buurman laat zijn hond de hele dag blaffen en dat geeft veel overlast.', 'WEB_FORM', 'veiligheid', 'case'),
    ('Ik wil een drank- en horecavergunning aanvragen voor mijn nieuwe lunchroom.', 'EMAIL', 'veiligheid', 'case'),
    # openbare-ruimte
    ('De lantaarnpaal voor mijn huis op nummer 14 brandt al twee weken niet.', 'WEB_FORM', 'openbare-ruimte', 'case'),
    ('Er liggen losse stoeptegels op de stoep bij de school, iemand is er al over gestruikeld.', 'PHONE', 'openbare-ruimte', 'case'),
    ('Naast de glasbak is een hele berg huisvuil gedumpt, het ligt er al dagen.', 'WEB_FORM', 'openbare-ruimte', 'case'),
    ('Onze grijze container is vandaag niet geleegd, de vuilniswagen is onze straat vergeten.', 'PHONE', 'openbare-ruimte', 'case'),
    ('Ik zie veel ratten rond de ondergrondse containers in onze straat.', 'WEB_FORM', 'openbare-ruimte', 'case'),
    ('Er zit een groot gat in het fietspad langs de Kerkweg, gevaarlijk in het donker.', 'EMAIL', 'openbare-ruimte', 'case'),
    ('De riolering in onze straat is verstopt, bij regen staat de hele weg onder water.', 'PHONE', 'openbare-ruimte', 'case'),
    ('Er staat al maanden een fietswrak zonder wielen vastgeketend aan het hek bij het station.', 'WEB_FORM', 'openbare-ruimte', 'case'),
    ('Ik wil grofvuil laten ophalen: een oude bank en een matras.', 'WEB_FORM', 'openbare-ruimte', 'case'),
    ('Een grote tak van de boom in het park is afgebroken en hangt boven het pad.', 'PHONE', 'openbare-ruimte', 'case'),
    ('Het speeltoestel in de speeltuin aan de Lindelaan is kapot, er steken schroeven uit.', 'EMAIL', 'openbare-ruimte', 'case'),
    # burgerzaken
    ('Ik woon al zeven jaar in Nederland en wil de Nederlandse nationaliteit aanvragen via naturalisatie.', 'COUNTER', 'burgerzaken', 'case'),
    ('Er staat iemand op mijn adres ingeschreven die ik niet ken en die hier nooit gewoond heeft.', 'PHONE', 'burgerzaken', 'case'),
    ('Ik wil de achternaam van mijn kinderen laten wijzigen naar mijn eigen achternaam.', 'EMAIL', 'burgerzaken', 'case'),
    ('Ik ben in Marokko getrouwd en wil mijn buitenlandse huwelijksakte laten inschrijven in de BRP.', 'COUNTER', 'burgerzaken', 'case'),
    ('In mijn gegevens in de BRP staat mijn geboortedatum verkeerd, ik wil dat laten corrigeren.', 'EMAIL', 'burgerzaken', 'case'),
    ('Ik heb mijn naturalisatieverzoek vorig jaar ingediend, wanneer hoor ik of het is toegekend?', 'PHONE', 'burgerzaken', 'status'),
    ('Ik wil mijn voornaam laten veranderen, mijn huidige voornaam past niet bij mij.', 'WEB_FORM', 'burgerzaken', 'case'),
    ('Mijn Ghanese geboorteakte moet gelegaliseerd worden voor mijn inschrijving bij de gemeente.', 'EMAIL', 'burgerzaken', 'case'),
    # juridische-zaken
    ('Ik wil een klacht indienen over de onbeschofte behandeling door een medewerker aan de balie.', 'EMAIL', 'juridische-zaken', 'case'),
    ('Ik ben gevallen over een losliggende stoeptegel en heb mijn pols gebroken. Ik stel de gemeente aansprakelijk voor de schade.', 'LETTER', 'juridische-zaken', 'case'),
    ('Ik wil een Woo-verzoek indienen voor alle documenten over de herinrichting van het Marktplein.', 'EMAIL', 'juridische-zaken', 'case'),
    ('Ik ben het niet eens met het besluit op mijn aanvraag en wil bezwaar maken.', 'LETTER', 'juridische-zaken', 'case'),
    ('Mijn auto is beschadigd door een omgevallen boom van de gemeente, ik wil de schade vergoed krijgen.', 'EMAIL', 'juridische-zaken', 'case'),
    ('Mijn bezwaarschrift is al vijf maanden geleden ingediend en er is nog steeds geen hoorzitting gepland.', 'PHONE', 'juridische-zaken', 'status'),
    ('Ik heb vorige week een klacht ingediend over de afhandeling van mijn melding maar nog geen reactie gekregen.', 'EMAIL', 'juridische-zaken', 'status'),
    ('Ik wil beroep instellen tegen de beslissing op mijn bezwaar.', 'LETTER', 'juridische-zaken', 'case'),
    # ruimtelijke-ontwikkeling
    ('Ik wil het stukje gemeentegrond naast mijn tuin kopen om mijn tuin te vergroten.', 'EMAIL', 'ruimtelijke-ontwikkeling', 'case'),
    ('Door het nieuwe bestemmingsplan mag er een flat naast ons huis komen, onze woning is minder waard geworden. Ik wil planschade claimen.', 'LETTER', 'ruimtelijke-ontwikkeling', 'case'),
    ('Wij willen onze kantoorruimte ombouwen tot woningen, maar het bestemmingsplan staat dat niet toe. Wij willen een wijziging van het omgevingsplan aanvragen.', 'EMAIL', 'ruimtelijke-ontwikkeling', 'case'),
    ('Ik huur al jaren een stuk snippergroen van de gemeente en wil het nu kopen.', 'WEB_FORM', 'ruimtelijke-ontwikkeling', 'case'),
    ('Als ondernemer wil ik een kavel op het nieuwe bedrijventerrein kopen voor mijn bedrijf.', 'EMAIL', 'ruimtelijke-ontwikkeling', 'case'),
    ('Ik heb een verzoek ingediend om de bestemming van mijn perceel te wijzigen, wat is de stand van zaken?', 'PHONE', 'ruimtelijke-ontwikkeling', 'status'),
    ('Mijn erfpachtcanon is verhoogd en ik wil mijn erfpacht afkopen.', 'EMAIL', 'ruimtelijke-ontwikkeling', 'case'),
    # kcc: generic information questions in every domain
    ('Hoe vraag ik een kapvergunning aan en wat kost dat?', 'WEB_FORM', 'kcc', 'info'),
    ('Wat zijn de openingstijden van het gemeentehuis op zaterdag?', 'PHONE', 'kcc', 'info'),
    ('Welke documenten moet ik meenemen als ik een nieuw paspoort aanvraag?', 'PHONE', 'kcc', 'info'),
    ('Hoeveel kost een nieuwe identiteitskaart voor mijn kind?', 'CHAT', 'kcc', 'info'),
    ('Wanneer wordt het grofvuil in mijn wijk opgehaald?', 'PHONE', 'kcc', 'info'),
    ('Kom ik in aanmerking voor kwijtschelding van de gemeentelijke belastingen als ik AOW heb?', 'WEB_FORM', 'kcc', 'info'),
    ('Hoe geef ik mijn verhuizing door aan de gemeente?', 'WEB_FORM', 'kcc', 'info'),
    ('Wat heb ik nodig om een uittreksel uit de BRP aan te vragen?', 'EMAIL', 'kcc', 'info'),
    ('Heb ik een vergunning nodig voor een schutting van twee meter in mijn achtertuin?', 'CHAT', 'kcc', 'info'),
    ('Wanneer moet de aanslag gemeentelijke belastingen betaald zijn?', 'PHONE', 'kcc', 'info'),
    ('Hoe lang duurt het voordat mijn rijbewijs klaar is na de aanvraag?', 'PHONE', 'kcc', 'info'),
    ('Waar kan ik terecht met vragen over de Wmo?', 'PHONE', 'kcc', 'info'),
    ('Wat kost een parkeervergunning voor bewoners?', 'WEB_FORM', 'kcc', 'info'),
    ('Hoe maak ik een afspraak om te trouwen op het stadhuis?', 'EMAIL', 'kcc', 'info'),
    ('Welke voorwaarden gelden er voor bijzondere bijstand?', 'CHAT', 'kcc', 'info'),
    ('Mag ik een evenement houden in mijn eigen tuin zonder vergunning?', 'CHAT', 'kcc', 'info'),
    ('Waar kan ik mijn oude koelkast inleveren?', 'CHAT', 'kcc', 'info'),
    ('Hoe kan ik bezwaar maken tegen een besluit van de gemeente?', 'WEB_FORM', 'kcc', 'info'),
]
for text, channel, team, kind in AUTHORED:
    rows.append((text, channel, team, 'authored:' + kind))

with open(os.path.join(HERE, 'dev-set.csv'), 'w', encoding='utf-8', newline='') as out:
    w = csv.writer(out)
    w.writerow(['text', 'channel', 'expected_team', 'provenance'])
    w.writerows(rows)
from collections import Counter
print(len(rows), Counter(r[2] for r in rows))
