#!/usr/bin/env python3
"""Builds a knowledge fixture (same format as knowledge/knowledge-fixture.jsonl) from knowledge-service's own seed
files (product-teams.csv, category-teams.csv, article-products.csv, vac-seed.csv), to evaluate routing on the
knowledge the platform will actually publish:

  python3 knowledge_service_fixture.py ../../../../../knowledge-service/src/main/resources/seed /tmp/ks-fixture.jsonl
  java ... -Dknowledge.fixture=/tmp/ks-fixture.jsonl nl.loket.routing.EvaluateInProcess dev-set.csv
"""
import csv, json, sys, os

seed, out = sys.argv[1], sys.argv[2]
TEAMS = [('kcc', 'Klantcontactcentrum', 'FIRST_LINE'), ('omgeving', 'Omgeving', 'CHAIN_TEAM'),
         ('sociaal-domein', 'Sociaal domein', 'CHAIN_TEAM'), ('belastingen', 'Belastingen', 'CHAIN_TEAM'),
         ('veiligheid', 'Veiligheid', 'CHAIN_TEAM'), ('openbare-ruimte', 'Openbare ruimte', 'BACK_OFFICE'),
         ('burgerzaken', 'Burgerzaken', 'BACK_OFFICE'), ('juridische-zaken', 'Juridische zaken', 'BACK_OFFICE'),
         ('ruimtelijke-ontwikkeling', 'Ruimtelijke ontwikkeling', 'BACK_OFFICE')]

def rows(name):
    with open(os.path.join(seed, name), encoding='utf-8') as f:
        return list(csv.DictReader(line for line in f if not line.startswith('#')))

events = [('knowledge.teams', t, 'nl.loket.knowledge.team-changed.v1', {'id': t, 'name': n, 'tier': tier})
          for t, n, tier in TEAMS]
for p in rows('product-teams.csv'):
    v = {'uri': p['uri'], 'name': p['name'], 'teamId': p['team_id'],
         'keywords': [k for k in p['keywords'].split('|') if k]}
    if p.get('term_days'):
        v['handlingTerm'] = {'days': min(365, int(p['term_days'])), 'unit': p['term_unit']}
    events.append(('knowledge.products', p['uri'], 'nl.loket.knowledge.product-changed.v1', v))
for c in rows('category-teams.csv'):
    v = {'id': c['id'], 'name': c['name'], 'teamId': c['team_id'],
         'keywords': [k for k in c['keywords'].split('|') if k]}
    if c['parent_id']:
        v['parentId'] = c['parent_id']
    if c['description']:
        v['description'] = c['description']
    events.append(('knowledge.categories', c['id'], 'nl.loket.knowledge.category-changed.v1', v))
links = {a['article_id']: [u for u in a['product_uris'].split('|') if u] for a in rows('article-products.csv')}
for a in rows('vac-seed.csv'):
    v = {'id': a['id'], 'question': a['question'], 'answer': a['reference_answer'][:20000] or '-',
         'subjects': [s for s in a['subjects'].split('|') if s], 'productUris': links.get(a['id'], [])}
    events.append(('knowledge.articles', a['id'], 'nl.loket.knowledge.article-changed.v1', v))
with open(out, 'w', encoding='utf-8') as f:
    for topic, key, typ, value in events:
        f.write(json.dumps({'topic': topic, 'key': key, 'type': typ, 'value': value}, ensure_ascii=False) + '\n')
print(len(events), 'events ->', out)
